import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leaderboardTable } from '../../../src/core/query/leaderboard-table.ts';
import { joinResults } from '../../../src/core/query/result-view.ts';
import { benchmark, model, result } from '../../helpers/fixtures.ts';

test('leaderboardTable puts measured and published scores side by side, one row per model, deltas left out', () => {
  const models = [model({ id: 'm-b', name: 'B' }), model({ id: 'm-a', name: 'A', totalParamsB: 7 })];
  const benchmarks = [benchmark({ id: 'x2', name: 'X2' }), benchmark({ id: 'x1', name: 'X1' })];
  const results = [
    result({ model: 'm-a', benchmark: 'x1', value: 50, stderr: 1, paper: 'P', figure: 'Fig 1' }),
    result({ model: 'm-a', benchmark: 'x1', value: 55, source: 'run', runId: 'r1', paper: null, n: 100 }),
    result({ model: 'm-a', benchmark: 'x1', value: 58, source: 'run', runId: 'r2', paper: null, n: 200 }),
    result({ model: 'm-b', benchmark: 'x2', value: 30, ciLow: 25, ciHigh: 35 }),
    result({ model: 'm-b', benchmark: 'x2', condition: 'cot', baseline: 'default', value: 3 }),
  ];
  const t = leaderboardTable(joinResults(results, models, benchmarks));
  assert.deepEqual(t.benchmarks, [
    { id: 'x1', name: 'X1' },
    { id: 'x2', name: 'X2' },
  ]);
  assert.deepEqual(
    t.rows.map((r) => r.model),
    ['m-a', 'm-b'],
  );
  const a = t.rows[0]!.cells[0]!;
  assert.equal(a.measured!.value, 58);
  assert.equal(a.measured!.ref, 'r2');
  assert.deepEqual([a.published!.value, a.published!.low, a.published!.high], [50, 48.04, 51.96]);
  assert.equal(a.published!.ref, 'P, Fig 1');
  assert.equal(t.rows[0]!.cells[1], null);
  const b = t.rows[1]!.cells[1]!;
  assert.equal(b.measured, null);
  assert.deepEqual([b.published!.value, b.published!.low, b.published!.high], [30, 25, 35]);
});
