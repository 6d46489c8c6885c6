import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Finding } from '../../src/core/analysis/finding.ts';
import { type FakeServer, startFakeServer } from '../adapters/providers/fake-model-server.ts';
import { freshPgDatabase, pgSkip } from '../helpers/postgres.ts';
import { answer, cli, evalArgs, itemOf, writeBenchmarkFiles } from './evidence-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-evidence-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const files = writeBenchmarkFiles(dir);

// Two prompts of one model on GSM8K: the 8-shot prompt fixes every ninth item and breaks some others,
// so the runs agree on most items (a positive correlation, which pairing exploits).
const rightA = (i: number) => i % 3 !== 0;
const rightB = (i: number) => (i % 3 !== 0 && i % 10 !== 1) || i % 9 === 0;
const ITEMS = 90;

describe('two runs of one model on GSM8K with different prompts', () => {
  const store = join(dir, 'compare.db');
  let server: FakeServer;
  let runA = '';
  let runB = '';
  before(async () => {
    server = await startFakeServer({
      defaultText: (req) => {
        const { i, text } = itemOf(req);
        return answer(text, i, text.includes('Q:') ? rightB(i) : rightA(i));
      },
    });
    const base = evalArgs(store, server.url, 'gsm8k', files.gsm8k, ITEMS);
    const a = await cli(base);
    assert.equal(a.status, 0, a.stderr);
    const b = await cli([...base, '--task-arg', 'prompt=8-shot-cot']);
    assert.equal(b.status, 0, b.stderr);
    const runs = JSON.parse((await cli(['--store', store, 'runs', '--json'])).stdout) as { id: string }[];
    [runA, runB] = runs.map((r) => r.id) as [string, string];
  });
  after(() => server.close());

  test('compare lists exactly the items whose verdicts differ, and its paired CI is narrower than the unpaired one', async () => {
    const r = await cli(['--store', store, 'compare', runA, runB, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const c = JSON.parse(r.stdout) as {
      shared: number;
      flipped: { itemId: string; a: number; b: number }[];
      test: {
        method: string;
        improved: number;
        regressed: number;
        difference: number;
        low: number;
        high: number;
        unpaired: { low: number; high: number };
      };
    };
    const ids = Array.from({ length: ITEMS }, (_, i) => i);
    const expected = ids.filter((i) => rightA(i) !== rightB(i)).map(String);
    assert.deepEqual(
      c.flipped.map((f) => f.itemId),
      expected,
    );
    assert.equal(c.shared, ITEMS);
    assert.equal(c.test.method, 'exact-mcnemar');
    assert.equal(c.test.improved, ids.filter((i) => !rightA(i) && rightB(i)).length);
    assert.equal(c.test.regressed, ids.filter((i) => rightA(i) && !rightB(i)).length);
    const pct = (f: (i: number) => boolean) => (100 * ids.filter(f).length) / ITEMS;
    assert.ok(Math.abs(c.test.difference - (pct(rightB) - pct(rightA))) < 1e-9);
    assert.ok(
      c.test.high - c.test.low < c.test.unpaired.high - c.test.unpaired.low,
      `paired ${c.test.high - c.test.low} vs unpaired ${c.test.unpaired.high - c.test.unpaired.low}`,
    );
    const text = await cli(['--store', store, 'compare', runA, runB]);
    assert.match(text.stdout, new RegExp(`flipped items \\(${expected.length}\\)`));
    assert.match(text.stdout, /exact McNemar p/);
  });

  test('show lists a run’s samples by verdict and one item with its gold answer, extraction and why', async () => {
    const wrong = await cli(['--store', store, 'show', runA, '--verdict', 'incorrect', '--limit', '500']);
    assert.equal(wrong.status, 0, wrong.stderr);
    const count = Array.from({ length: ITEMS }, (_, i) => i).filter((i) => !rightA(i)).length;
    assert.match(wrong.stdout, new RegExp(`${count} of ${ITEMS} samples of ${runA} match`));
    const one = await cli(['--store', store, 'show', runA, '3']);
    assert.equal(one.status, 0, one.stderr);
    assert.match(one.stdout, /gold: {6}6\n/);
    assert.match(one.stdout, /extracted: 7\n/);
    assert.match(one.stdout, /verdict: {3}incorrect: extracted "7" does not match the gold answer "6"/);
    assert.match(one.stdout, /\[user\] Item 3: what is 3 plus 3\?/);
    const none = await cli(['--store', store, 'show', runA, 'no-such-item']);
    assert.equal(none.status, 5);
  });

  test('export --kind sample then import into a fresh SQLite store gives identical compare and results output and re-exports identically', async () => {
    const file = join(dir, 'samples.jsonl');
    const out = await cli(['--store', store, 'export', '--kind', 'sample', '-o', file]);
    assert.equal(out.status, 0, out.stderr);
    const copy = join(dir, 'copy.db');
    const imp = await cli(['--store', copy, 'import', file]);
    assert.equal(imp.status, 0, imp.stderr);
    assert.match(imp.stdout, new RegExp(`2 runs, ${2 * ITEMS} samples`));
    await sameOutputs(store, copy, runA, runB);
    const again = join(dir, 'again.jsonl');
    await cli(['--store', copy, 'export', '--kind', 'sample', '-o', again]);
    assert.equal(readFileSync(again, 'utf8'), readFileSync(file, 'utf8'));
  });

  test('export --kind sample --format csv writes one row per sample with every sample field as a column', async () => {
    const r = await cli(['--store', store, 'export', '--kind', 'sample', '--format', 'csv', '--run', runA]);
    assert.equal(r.status, 0, r.stderr);
    const rows = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, ITEMS);
    const row = rows.find((x) => x.itemId === '3')!;
    assert.equal(row.kind, 'sample');
    assert.equal(row.target, '6');
    assert.equal(row.extracted, '7');
    assert.equal(row.verdict, 'incorrect');
    assert.equal(row.completionTokens, '5');
    assert.deepEqual(JSON.parse(row.messages!)[0].content.split('\n')[0], 'Item 3: what is 3 plus 3?');
    const bad = await cli(['--store', store, 'export', '--kind', 'sample', '--run', 'no-such-run']);
    assert.equal(bad.status, 5);
  });

  test('export --kind sample then import into a fresh PostgreSQL store gives identical compare and results output', {
    skip: pgSkip,
  }, async () => {
    const file = join(dir, 'samples-pg.jsonl');
    assert.equal((await cli(['--store', store, 'export', '--kind', 'sample', '-o', file])).status, 0);
    const pg = await freshPgDatabase();
    try {
      const imp = await cli(['--store', pg.url, 'import', file]);
      assert.equal(imp.status, 0, imp.stderr);
      await sameOutputs(store, pg.url, runA, runB);
      const again = join(dir, 'again-pg.jsonl');
      await cli(['--store', pg.url, 'export', '--kind', 'sample', '-o', again]);
      assert.equal(readFileSync(again, 'utf8'), readFileSync(file, 'utf8'));
    } finally {
      await pg.drop();
    }
  });
});

async function sameOutputs(a: string, b: string, runA: string, runB: string): Promise<void> {
  for (const args of [
    ['compare', runA, runB],
    ['compare', runA, runB, '--json'],
    ['results'],
    ['results', '--json'],
  ]) {
    const x = await cli(['--store', a, ...args]);
    const y = await cli(['--store', b, ...args]);
    assert.equal(x.status, 0, x.stderr);
    assert.equal(y.stdout, x.stdout, `${args.join(' ')} differs`);
  }
}

test('runs under --condition zero-shot-cot --baseline zero-shot on GSM8K, AQuA and CommonsenseQA: delta-dots draws three Δ with CIs and analyze says which are beyond noise', async () => {
  // GSM8K gains ten items under the condition; AQuA answers the same; CommonsenseQA swaps one item for another.
  const right: Record<string, (i: number, cond: boolean) => boolean> = {
    gsm8k: (i, cond) => i % 2 === 0 || (cond && i % 3 === 0),
    aqua: (i) => i % 2 === 0,
    csqa: (i, cond) => (cond ? (i % 2 === 0 && i !== 14) || i === 15 : i % 2 === 0),
  };
  let cond = false;
  const server = await startFakeServer({
    defaultText: (req) => {
      const { i, text } = itemOf(req);
      const which = text.includes('multiple choice')
        ? text.includes('pick the first')
          ? 'aqua'
          : 'csqa'
        : 'gsm8k';
      return answer(text, i, right[which]!(i, cond));
    },
  });
  const store = join(dir, 'conditions.db');
  try {
    const benches = [
      ['gsm8k', files.gsm8k],
      ['aqua-rat', files.aqua],
      ['commonsenseqa', files.csqa],
    ] as const;
    for (const [condition, baseline] of [
      ['zero-shot', null],
      ['zero-shot-cot', 'zero-shot'],
    ] as const) {
      cond = baseline !== null;
      for (const [bench, file] of benches) {
        const r = await cli([
          ...evalArgs(store, server.url, bench, file, 60),
          '--no-cache',
          '--condition',
          condition,
          ...(baseline ? ['--baseline', baseline] : []),
        ]);
        assert.equal(r.status, 0, r.stderr);
      }
    }
    const results = JSON.parse(
      (await cli(['--store', store, 'results', '--source', 'run', '--json'])).stdout,
    ) as {
      benchmark: string;
      baseline: string | null;
      condition: string;
      value: number;
      ciLow: number;
      ciHigh: number;
    }[];
    const deltas = results.filter((r) => r.baseline !== null);
    assert.deepEqual(deltas.map((d) => [d.benchmark, d.condition, d.baseline]).sort(), [
      ['aqua-rat', 'zero-shot-cot', 'zero-shot'],
      ['commonsenseqa', 'zero-shot-cot', 'zero-shot'],
      ['gsm8k', 'zero-shot-cot', 'zero-shot'],
    ]);
    const gsm = deltas.find((d) => d.benchmark === 'gsm8k')!;
    assert.ok(Math.abs(gsm.value - (100 * 10) / 60) < 1e-9);
    assert.ok(gsm.ciLow > 0);

    const spec = join(dir, 'delta.vl.json');
    const chart = await cli(['--store', store, 'chart', 'delta-dots', '--source', 'run', '-o', spec]);
    assert.equal(chart.status, 0, chart.stderr);
    const vl = JSON.parse(readFileSync(spec, 'utf8')) as {
      layer: { mark: unknown; data?: { values: unknown[] } }[];
    };
    const points = vl.layer.filter((l) => (l.mark as { type?: string }).type === 'point');
    assert.equal(
      points.reduce((n, l) => n + l.data!.values.length, 0),
      3,
    );
    const bars = vl.layer.find((l) => (l.mark as { color?: string }).color === '#555555');
    assert.equal(bars?.data?.values.length, 9, 'an error bar and two caps per Δ');
    const svg = await cli([
      '--store',
      store,
      'chart',
      'delta-dots',
      '--source',
      'run',
      '-o',
      join(dir, 'delta.svg'),
    ]);
    assert.equal(svg.status, 0, svg.stderr);

    const analyze = await cli(['--store', store, 'analyze', '--source', 'run', '--json']);
    assert.equal(analyze.status, 0, analyze.stderr);
    const fs = JSON.parse(analyze.stdout) as Finding[];
    const beyond = fs.find((f) => f.metric === 'delta-ci-excludes-zero')!;
    const within = fs.find((f) => f.metric === 'delta-ci-includes-zero')!;
    assert.deepEqual(beyond.subjects.benchmarks, ['gsm8k']);
    assert.deepEqual([...within.subjects.benchmarks].sort(), ['aqua-rat', 'commonsenseqa']);
    const text = await cli(['--store', store, 'analyze', '--source', 'run']);
    assert.match(text.stdout, /1 Δ of 3 is beyond noise/);
  } finally {
    await server.close();
  }
});

test('eval refuses --baseline without --condition, or equal to it', async () => {
  const store = join(dir, 'bad.db');
  const base = ['--store', store, 'eval', '-m', 'openai:x@http://127.0.0.1:9/v1', '-b', 'arithmetic'];
  const a = await cli([...base, '--baseline', 'zero-shot']);
  assert.equal(a.status, 2);
  assert.match(a.stderr, /--baseline needs --condition/);
  const b = await cli([...base, '--condition', 'x', '--baseline', 'x']);
  assert.equal(b.status, 2);
});
