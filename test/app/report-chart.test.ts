import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Store } from '../../src/adapters/store/store.ts';
import { chartFormat, writeChart } from '../../src/app/build-chart.ts';
import type { VlSpec } from '../../src/core/charts/chart-input.ts';
import { UserError } from '../../src/core/errors/user-error.ts';
import { layoutProblems } from '../core/charts/catalog-inputs.ts';
import { catalogStore } from './report-fixture.ts';

let store: Store;
let dir: string;
before(async () => {
  ({ store, dir } = await catalogStore());
});
after(async () => store?.close());

test('the output format follows the file name', () => {
  assert.equal(chartFormat('a/b.vl.json'), 'vl.json');
  assert.equal(chartFormat('x.SVG'), 'svg');
  assert.equal(chartFormat('x.png'), 'png');
  assert.throws(() => chartFormat('x.pdf'), UserError);
});

test('a chart kind with filters draws an ad-hoc figure from matching results, with overrides', async () => {
  const out = join(dir, 'adhoc.vl.json');
  await writeChart(
    store,
    {
      kind: 'size-scatter',
      filter: { benchmarks: ['swe-bench-verified'], paramsAxis: 'active' },
      options: { sizeAxis: 'active', highlight: 'kat-dev-32b', references: [{ label: 'GPT-4o', value: 55 }] },
    },
    out,
  );
  const spec = JSON.parse(readFileSync(out, 'utf8')) as VlSpec;
  assert.equal((spec.title as { text: string }).text, 'SWE-bench Verified');
  assert.ok(spec.usermeta.labels.some((l) => l.text === 'KAT-Dev-32B'));
  assert.ok(spec.usermeta.labels.some((l) => l.text === 'GPT-4o'));
  assert.deepEqual(layoutProblems(spec), []);
});

test('a stored figure id draws that figure, narrowed by the filters', async () => {
  const out = join(dir, 'fig1-small.vl.json');
  await writeChart(store, { kind: 'fig1-livecodebench-v5', filter: { maxParamsB: 10 }, options: {} }, out);
  const spec = JSON.parse(readFileSync(out, 'utf8')) as VlSpec;
  const names = spec.usermeta.labels.map((l) => l.text);
  assert.ok(names.includes('DASD-4B-Thinking'));
  assert.ok(!names.includes('Qwen3-32B'));
});

test('charts are written as SVG and PNG', async () => {
  const svg = join(dir, 'bars.svg');
  const png = join(dir, 'bars.png');
  const req = { kind: 'grouped-bars', filter: { benchmarks: ['aime-2024', 'math-500'] }, options: {} };
  await writeChart(store, req, svg);
  await writeChart(store, req, png);
  assert.match(readFileSync(svg, 'utf8'), /^<svg /);
  assert.deepEqual([...readFileSync(png).subarray(1, 4)], [80, 78, 71]);
});

test('unknown figures and empty selections are user errors', async () => {
  await assert.rejects(
    writeChart(store, { kind: 'nope', filter: {}, options: {} }, join(dir, 'x.svg')),
    (e: unknown) => e instanceof UserError && /unknown figure "nope"/.test(e.message),
  );
  await assert.rejects(
    writeChart(
      store,
      { kind: 'heatmap', filter: { benchmarks: ['no-such'] }, options: {} },
      join(dir, 'x.svg'),
    ),
    (e: unknown) => e instanceof UserError && /no results match/.test(e.message),
  );
});
