import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Finding } from '../../src/core/analysis/finding.ts';
import { runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-analyze-'));
const store = join(dir, 'store.db');
const cli = (...args: string[]) => runCli(['--store', store, ...args]);
before(() => assert.equal(cli('catalog', 'load').status, 0));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('yardstick analyze', () => {
  it("prints a figure's findings as JSON objects that match the Finding schema", () => {
    const r = cli('analyze', '--figure', 'fig2-delta-across-datasets', '--json');
    assert.equal(r.status, 0, r.stderr);
    const fs = (JSON.parse(r.stdout) as unknown[]).map((f) => Finding.parse(f));
    const humaneval = fs.find((f) => f.kind === 'consistent-sign' && f.metric === 'delta-sign')!;
    assert.deepEqual(humaneval.subjects.benchmarks, ['humaneval']);
    assert.equal(humaneval.subjects.models.length, 9);
  });
  it('prints a readable list without --json', () => {
    const r = cli('analyze', '--figure', 'fig4-reasoning-benchmarks');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\d+ findings for figure fig4-reasoning-benchmarks:\n/);
    assert.match(r.stdout, /\n {2}dominance +AM-Distill-Qwen-72B scores at least as high as/);
  });
  it('analyses filtered results with a chosen size axis', () => {
    const r = cli('analyze', '--benchmark', 'swe-bench-verified', '--params', 'active', '--json');
    assert.equal(r.status, 0, r.stderr);
    const fs = JSON.parse(r.stdout) as Finding[];
    assert.ok(fs.some((f) => f.kind === 'tier'));
    assert.ok(fs.some((f) => f.kind === 'trend' && /log active parameters/.test(f.text)));
  });
  it('gives the same output for the same seed', () => {
    const a = cli('analyze', '--figure', 'fig1-livecodebench-v5', '--json', '--seed', '5').stdout;
    assert.equal(a, cli('analyze', '--figure', 'fig1-livecodebench-v5', '--json', '--seed', '5').stdout);
  });
  it('names the known figures and exits 5 for an unknown one', () => {
    const r = cli('analyze', '--figure', 'no-such-figure');
    assert.equal(r.status, 5);
    assert.match(r.stderr, /^yardstick: no figure "no-such-figure"; known figures: fig1-livecodebench-v5/);
  });
});

describe('yardstick describe', () => {
  it('writes the five sections for a figure, with every data point', () => {
    const r = cli('describe', '--figure', 'fig4-reasoning-benchmarks');
    assert.equal(r.status, 0, r.stderr);
    for (const h of [
      'Overview',
      'Components/Axes',
      'Detailed Analysis',
      'Key Observations',
      'Interpretation',
    ])
      assert.match(r.stdout, new RegExp(`### ${h}\\n`));
    for (const v of [
      '72.7',
      '72.6',
      '76.5',
      '70.0',
      '96.2',
      '94.3',
      '97.0',
      '94.5',
      '64.3',
      '62.1',
      '65.9',
      '65.2',
      '59.1',
      '57.2',
      '59.7',
      '57.5',
    ])
      assert.ok(r.stdout.includes(`: ${v}%`), `missing ${v}`);
  });
  it('writes one file per figure with -o', () => {
    const out = join(dir, 'desc');
    const r = cli('describe', '-o', out, '--format', 'text');
    assert.equal(r.status, 0, r.stderr);
    const files = readdirSync(out).sort();
    assert.equal(files.length, 5);
    assert.match(
      readFileSync(join(out, files[0]!), 'utf8'),
      /^LiveCodeBench v5 Performance vs\. Total Parameters\nOverview: /,
    );
  });
});
