import assert from 'node:assert/strict';
import { test } from 'node:test';
import { itemScoresOf } from '../../../src/core/analysis/paired-runs.ts';
import { compareItems as compareMaps } from '../../../src/core/compare/compare-items.ts';

type S = Parameters<typeof itemScoresOf>[0];
const compareRuns = (a: S, b: S) => compareMaps(itemScoresOf(a), itemScoresOf(b));

const s = (itemId: string, score: number | null, verdict: 'correct' | 'incorrect' | 'error' = 'correct') => ({
  itemId,
  score,
  verdict: score === null ? ('error' as const) : verdict,
});

test('compareItems classifies each item as improved, regressed, unchanged or present in one run only', () => {
  const a = [s('i1', 0), s('i2', 1), s('i3', 1), s('i4', 1), s('i5', null)];
  const b = [s('i1', 1), s('i2', 0), s('i3', 1), s('i6', 1), s('i5', 1)];
  const c = compareRuns(a, b);
  assert.deepEqual(
    c.items.map((x) => [x.itemId, x.change]),
    [
      ['i1', 'improved'],
      ['i2', 'regressed'],
      ['i3', 'unchanged'],
      ['i4', 'only-a'],
      ['i5', 'only-b'],
      ['i6', 'only-b'],
    ],
  );
  assert.deepEqual(c.counts, { improved: 1, regressed: 1, unchanged: 1, 'only-a': 1, 'only-b': 2 });
  assert.equal(c.meanA, 2 / 3);
  assert.equal(c.meanB, 2 / 3);
  assert.equal(c.test!.items, 3);
  assert.equal(c.test!.difference, 0);
});

test('compareItems averages repeated samples per item and runs the paired test on b - a', () => {
  const a = [s('i1', 0), s('i1', 1), s('i2', 0), s('i3', 0)];
  const b = [s('i1', 1), s('i1', 1), s('i2', 1), s('i3', 1)];
  const c = compareRuns(a, b);
  assert.deepEqual(
    c.items.map((x) => [x.a, x.b]),
    [
      [0.5, 1],
      [0, 1],
      [0, 1],
    ],
  );
  assert.ok(Math.abs(c.test!.difference - 250 / 3) < 1e-9, 'in points');
  assert.equal(c.test!.improved, 3);
  assert.equal(compareRuns([s('i1', 1)], [s('i1', 0)]).test, null);
});

test('compareItems lists items in id order whatever order the scores come in', () => {
  const a = new Map([
    ['z', 1],
    ['b', 0],
    ['m', 1],
  ]);
  const b = new Map([
    ['a', 1],
    ['m', 0],
    ['z', 1],
  ]);
  assert.deepEqual(
    compareMaps(a, b).items.map((x) => `${x.itemId}:${x.change}`),
    ['a:only-b', 'b:only-a', 'm:regressed', 'z:unchanged'],
  );
});
