import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { spawn } from 'node:child_process';
import { startFakeServer } from '../adapters/providers/fake-model-server.ts';
import { MAIN, runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-listings-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const store = join(dir, 'store.db');
const cli = (...args: string[]) => runCli(['--store', store, ...args]);
before(() => assert.equal(cli('catalog', 'load').status, 0));

const LISTINGS = [['catalog', 'list'], ['models'], ['benchmarks'], ['results'], ['tasks'], ['runs']];

test('--version and -V print the version of package.json', () => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  for (const flag of ['--version', '-V']) {
    const r = runCli([flag]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${version}\n`);
  }
});

test('every listing prints one JSON document with --json', () => {
  for (const args of LISTINGS) {
    const r = cli(...args, '--json');
    assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
    const doc = JSON.parse(r.stdout) as unknown[];
    assert.ok(Array.isArray(doc), args.join(' '));
    if (args[0] !== 'runs') assert.ok(doc.length > 0, `${args.join(' ')} lists something`);
  }
});

test('every listing prints CSV with --csv: a header, then rows of as many cells', () => {
  for (const args of LISTINGS) {
    const r = cli(...args, '--csv');
    assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
    const rows = parse(r.stdout) as string[][];
    assert.ok(rows.length >= 1, args.join(' '));
    for (const row of rows) assert.equal(row.length, rows[0]!.length, `${args.join(' ')}: ${row.join(',')}`);
    if (args[0] !== 'runs') assert.ok(rows.length > 1, `${args.join(' ')} has rows`);
  }
  const models = parse(cli('models', '--csv').stdout, { columns: true }) as Record<string, string>[];
  assert.ok(
    models.some((m) => m.id === 'dasd-4b-thinking' && m.total === '4'),
    'sizes are numbers, not "4B"',
  );
});

test('--json and --csv together are a usage error', () => {
  assert.equal(cli('models', '--json', '--csv').status, 2);
});

test('a results filter naming nothing known says so, with a suggestion, instead of listing 0 results', () => {
  const cases: [string[], RegExp][] = [
    [['--benchmark', 'gsm8'], /^yardstick: no benchmark "gsm8" \(did you mean gsm8k\?\); nothing to list\n$/],
    [
      ['--benchmark', 'livecodebench-v6'],
      /no benchmark "livecodebench-v6" \(did you mean livecodebench-v5\?\)/,
    ],
    [['--model', 'dasd-4b-thinkin'], /no model "dasd-4b-thinkin" \(did you mean dasd-4b-thinking\?\)/],
    [['--category', 'reasonin'], /no model category "reasonin" \(did you mean reasoning\?\)/],
    [['--source', 'no-such-paper'], /no paper matches source "no-such-paper"/],
  ];
  for (const [args, message] of cases) {
    const r = cli('results', ...args);
    assert.equal(r.status, 5, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
  const known = cli('results', '--benchmark', 'livecodebench-v5', '--family', 'QWEN3');
  assert.equal(known.status, 0, 'family names match in any case');
});

test('an unknown catalog entry or benchmark task gets a suggestion', () => {
  assert.match(cli('catalog', 'load', 'fig1').stderr, /did you mean fig1-livecodebench-v5\?/);
  const r = cli('eval', '-m', 'openai:m@http://127.0.0.1:9/v1', '-b', 'gsm8kk');
  assert.equal(r.status, 5);
  assert.equal(r.stderr, 'yardstick: unknown task "gsm8kk": did you mean gsm8k?\n');
});

test('a missing suite, task or data file is one line with exit code 3', () => {
  const model = ['-m', 'openai:m@http://127.0.0.1:9/v1'];
  const cases: [string[], string][] = [
    [['eval', join(dir, 'nosuch.yaml')], `yardstick: ${join(dir, 'nosuch.yaml')}: file not found\n`],
    [
      ['eval', ...model, '-b', join(dir, 'nosuch.yaml')],
      `yardstick: task file not found: ${join(dir, 'nosuch.yaml')}\n`,
    ],
    [
      ['eval', ...model, '-b', 'gsm8k', '--task-arg', `file=${join(dir, 'nosuch.jsonl')}`],
      `yardstick: dataset file not found: ${join(dir, 'nosuch.jsonl')}\n`,
    ],
  ];
  for (const [args, stderr] of cases) {
    const r = cli(...args);
    assert.equal(r.stderr, stderr);
    assert.equal(r.status, 3);
  }
  assert.equal(JSON.parse(cli('runs', '--json').stdout).length, 0, 'no run was recorded');
});

test('an eval --model-id close to a model card but not one gets a warning naming the card', async () => {
  const server = await startFakeServer({});
  try {
    const args = ['--store', store, 'eval', '-m', `openai:m@${server.url}`, '-b', 'arithmetic'];
    const run = (more: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [MAIN, ...args, '--task-arg', 'count=2', ...more], {
          env: { ...process.env, NO_COLOR: '1', OPENAI_API_KEY: 'k' },
        });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d));
        child.on('close', (code) => resolve({ code, stderr }));
      });
    const typo = await run(['--model-id', 'dasd-4b-thinkin']);
    assert.equal(typo.code, 0, typo.stderr);
    assert.match(typo.stderr, /warning: no model card "dasd-4b-thinkin" \(did you mean dasd-4b-thinking\?\)/);
    const known = await run(['--model-id', 'dasd-4b-thinking']);
    assert.equal(known.code, 0, known.stderr);
    assert.doesNotMatch(known.stderr, /warning/);
  } finally {
    await server.close();
  }
});
