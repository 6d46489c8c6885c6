import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openSqliteStore } from '../../src/adapters/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../src/adapters/store/store.ts';
import { buildReport, type ReportSummary } from '../../src/app/build-report.ts';
import { runResults } from '../../src/core/engine/run-results.ts';
import { leaderboard } from '../../src/core/report/leaderboard.ts';
import { PALETTE_20 } from '../../src/core/charts/theme.ts';
import { benchmark, model, runSpec } from '../helpers/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-report-runs-'));
after(() => (process.env.KEEP_REPORT ? undefined : rmSync(dir, { recursive: true, force: true })));
const MODELS = 20;
let store: Store;
let summary: ReportSummary;
let html = '';

/** Twenty models measured on two benchmarks (one of them under two conditions), a stale run, and a figure that cannot be drawn. */
before(async () => {
  store = await openSqliteStore(join(dir, 'store.db'));
  const models = Array.from({ length: MODELS }, (_, i) =>
    model({ id: `m${String(i).padStart(2, '0')}`, name: `Model ${i}` }),
  );
  await store.importBatch({
    models,
    benchmarks: [
      benchmark({ id: 'gsm8k', name: 'GSM8K', itemCount: 1319 }),
      benchmark({ id: 'math-500', name: 'MATH-500' }),
    ],
    figures: [
      {
        id: 'broken',
        chart: 'heatmap',
        title: 'A figure with nothing to draw',
        caption: null,
        benchmarks: ['math-500'],
        models: ['nobody'],
        paper: null,
        groups: {},
        options: {},
      },
    ],
  });
  const finish = async (
    id: string,
    m: string,
    b: string,
    value: number,
    at: string,
    condition: string | null = null,
  ) => {
    const spec = runSpec({
      id,
      model: m,
      benchmark: b,
      condition,
      dataset: { dataDir: null, itemsSha256: 'abc123' },
      createdAt: at,
    });
    await store.importBatch({
      runs: [{ spec, status: 'finished', finishedAt: at }],
      results: runResults(spec, [
        { name: 'accuracy', value, stderr: 0.02, ciLow: value - 0.04, ciHigh: value + 0.04, n: 500, k: 1 },
      ]),
    });
  };
  for (const [i, m] of models.entries()) {
    await finish(`r-${m.id}-gsm8k`, m.id, 'gsm8k', 0.3 + i / 40, '2026-01-02T00:00:00.000Z');
    await finish(`r-${m.id}-math`, m.id, 'math-500', 0.2 + i / 50, '2026-01-02T00:00:00.000Z');
  }
  await finish('r-old', 'm00', 'gsm8k', 0.99, '2026-01-01T00:00:00.000Z');
  await finish('r-m00-cot', 'm00', 'gsm8k', 0.5, '2026-01-03T00:00:00.000Z', 'cot');
  summary = await buildReport(store, { outDir: join(dir, 'report'), date: new Date('2026-02-03T00:00:00Z') });
  html = readFileSync(summary.index, 'utf8');
});
after(async () => store?.close());

test('the report includes measured runs without figure records: a leaderboard with CIs and runs, a figure per benchmark', {}, () => {
  assert.equal(summary.measured, 2 * MODELS + 1);
  const drawn = summary.figures.filter((f) => !f.error).map((f) => f.id);
  assert.deepEqual(drawn, ['measured-gsm8k', 'measured-math-500']);
  for (const f of drawn) assert.ok(existsSync(join(dir, 'report', `${f}.png`)));
  assert.match(html, /<table class="leaderboard">/);
  assert.match(
    html,
    /<th scope="row">Model 19<\/th><td><span class="score">77\.5<\/span> <span class="ci">\[73\.5, 81\.5\]<\/span><br><span class="src">accuracy, n=500, run r-m19-gsm8k/,
  );
  assert.match(html, /Model 0 \(cot\)/, 'a model under two conditions has a row per condition');
  assert.doesNotMatch(html, /r-old/, 'the latest finished run of a model, benchmark and condition is shown');
});

test('the report lists provenance: version, date, run specs and dataset checksums', {}, () => {
  const version = (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
  assert.match(html, new RegExp(`Written by Yardstick ${version.replaceAll('.', '\\.')} on 2026-02-03`));
  assert.match(html, /<td>r-m00-cot<\/td><td>m00<\/td>.*<td>cot<\/td>.*<td>abc123<\/td>/);
});

test('a figure that fails to draw shows its error in place; the rest of the report is written', {}, () => {
  const broken = summary.figures.find((f) => f.id === 'broken')!;
  assert.match(broken.error!, /no results/);
  assert.match(
    html,
    /<section id="broken" data-figure-error="broken">\n<h2>A figure with nothing to draw<\/h2>\n<p class="figure-error">This figure could not be drawn: /,
  );
  assert.ok(!existsSync(join(dir, 'report', 'broken.png')));
  assert.match(html, /2 figures, drawn by Yardstick from stored results; 1 could not be drawn/);
});

test('up to 20 models get 20 distinguishable colours, the same in every figure', {}, () => {
  const colors = (id: string) => {
    const spec = JSON.parse(readFileSync(join(dir, 'report', `${id}.vl.json`), 'utf8')) as {
      layer: {
        mark: { type?: string };
        encoding?: { color?: { scale?: { domain: string[]; range: string[] } } };
      }[];
    };
    const scale = spec.layer.find((l) => l.encoding?.color?.scale)!.encoding!.color!.scale!;
    return new Map(scale.domain.map((d, i) => [d, scale.range[i]]));
  };
  const math = colors('measured-math-500');
  assert.equal(new Set(math.values()).size, MODELS);
  const gsm = colors('measured-gsm8k');
  for (const [name, c] of math) assert.equal(gsm.get(name), c, name);
  // CIE76 distance between every two palette colours.
  const lab = (hex: string) => {
    const n = Number.parseInt(hex.slice(1), 16);
    const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => lin(c / 255)) as [
      number,
      number,
      number,
    ];
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const [x, y, z] = [
      (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
      0.2126 * r + 0.7152 * g + 0.0722 * b,
      (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    ];
    return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))] as const;
  };
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < PALETTE_20.length; i++)
    for (let j = i + 1; j < PALETTE_20.length; j++) {
      const [a, b] = [lab(PALETTE_20[i]!), lab(PALETTE_20[j]!)];
      min = Math.min(min, Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]));
    }
  assert.ok(min > 25, `closest two colours are ${min.toFixed(1)} apart`);
});

test('leaderboard rows are ordered by mean measured score, best first', () => {
  assert.equal(leaderboard([]).rows.length, 0);
});
