import assert from 'node:assert/strict';
import { test } from 'node:test';
import { vsPublished } from '../../../src/core/compare/vs-published.ts';
import { latestMeasured } from '../../../src/core/query/latest-measured.ts';
import { joinResults } from '../../../src/core/query/result-view.ts';
import { benchmark, model, result } from '../../helpers/fixtures.ts';

const run = (runId: string, value: number, over = {}) =>
  result({ source: 'run', runId, paper: null, value, ciLow: value - 5, ciHigh: value + 4, ...over });
const views = (rs: ReturnType<typeof result>[]) => joinResults(rs, [model()], [benchmark()]);

test('latestMeasured keeps the latest finished run per model, benchmark and condition, or a chosen one', () => {
  const vs = views([
    run('r-old', 50),
    run('r-new', 60),
    run('r-running', 70),
    run('r-cot', 65, { condition: 'cot' }),
    result({ value: 99 }),
    run('r-delta', 3, { condition: 'cot', baseline: 'default', unit: 'pp' }),
  ]);
  const finished = new Map([
    ['r-old', '2026-01-01T00:00:00.000Z'],
    ['r-new', '2026-01-02T00:00:00.000Z'],
    ['r-cot', '2026-01-01T00:00:00.000Z'],
    ['r-delta', '2026-01-01T00:00:00.000Z'],
  ]);
  assert.deepEqual(
    latestMeasured(vs, finished).map((v) => v.result.runId),
    ['r-cot', 'r-new'],
  );
  assert.deepEqual(
    latestMeasured(vs, finished, ['r-old']).map((v) => v.result.runId),
    ['r-cot', 'r-old'],
  );
});

test('vsPublished: a published value inside the measured interval widened by its reading error agrees; one outside differs', () => {
  const measured = views([run('r', 60)]);
  const published = views([
    result({ value: 56, paper: 'exact inside' }),
    result({ value: 54.5, paper: 'read off a chart', approximate: true }),
    result({ value: 54.5, paper: 'printed', approximate: false }),
    result({ value: 65, paper: 'stated interval', ciLow: 64, ciHigh: 66 }),
    result({ value: 66, paper: 'beyond it', ciLow: 65, ciHigh: 67 }),
    result({ value: 10, paper: 'a delta', baseline: 'x', condition: 'y', unit: 'pp' }),
  ]);
  const rows = vsPublished(measured, published, 1);
  assert.deepEqual(
    rows.map((r) => [r.published.result.paper, r.publishedError, r.agree, r.gap]),
    [
      ['exact inside', 0, true, 4],
      ['read off a chart', 1, true, 5.5],
      ['printed', 0, false, 5.5],
      ['stated interval', 1, true, -5],
      ['beyond it', 1, false, -6],
    ],
  );
  const noCi = vsPublished(views([run('r', 60, { ciLow: null, ciHigh: null })]), published.slice(0, 1), 1);
  assert.equal(noCi[0]?.agree, null);
});
