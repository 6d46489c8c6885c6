import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LeaderboardTable } from '../../src/core/query/leaderboard-table.ts';
import {
  defaultLeaderboardState,
  leaderboardParams,
  leaderboardStateFrom,
  leaderboardView,
} from '../../src/ui/leaderboard-view.ts';

const score = (value: number) => ({ value, low: null, high: null, n: null, ref: 'r' });
const table: LeaderboardTable = {
  benchmarks: [
    { id: 'b1', name: 'B1' },
    { id: 'b2', name: 'B2' },
  ],
  rows: [
    {
      model: 'a-7b',
      name: 'A 7B',
      family: 'A',
      categories: ['chat'],
      totalParamsB: 7,
      activeParamsB: null,
      cells: [{ measured: score(60), published: score(58) }, null],
    },
    {
      model: 'b-70b',
      name: 'B 70B',
      family: 'B',
      categories: ['code'],
      totalParamsB: 70,
      activeParamsB: 12,
      cells: [
        { measured: null, published: score(80) },
        { measured: score(40), published: null },
      ],
    },
    {
      model: 'c-x',
      name: 'C',
      family: 'A',
      categories: [],
      totalParamsB: null,
      activeParamsB: null,
      cells: [null, { measured: null, published: score(10) }],
    },
  ],
};
const view = (q: Record<string, string>) =>
  leaderboardView(table, leaderboardStateFrom(q)).rows.map((r) => r.model);

test('the leaderboard view filters by name, family, category and size on the chosen axis', () => {
  assert.deepEqual(view({}), ['a-7b', 'b-70b', 'c-x']);
  assert.deepEqual(view({ q: '70' }), ['b-70b']);
  assert.deepEqual(view({ family: 'a' }), ['a-7b', 'c-x']);
  assert.deepEqual(view({ category: 'CODE' }), ['b-70b']);
  assert.deepEqual(view({ min: '10' }), ['b-70b']);
  assert.deepEqual(view({ max: '10', params: 'active' }), ['a-7b']);
  assert.deepEqual(view({ show: 'measured', cols: 'b2' }), ['b-70b']);
});

test('the leaderboard view sorts by a benchmark (measured first, missing last either way), params or name', () => {
  assert.deepEqual(view({ sort: 'b1', dir: 'desc' }), ['b-70b', 'a-7b', 'c-x']);
  assert.deepEqual(view({ sort: 'b1' }), ['a-7b', 'b-70b', 'c-x']);
  assert.deepEqual(view({ sort: 'b1', show: 'published' }), ['a-7b', 'b-70b', 'c-x']);
  assert.deepEqual(view({ sort: 'params', dir: 'desc' }), ['b-70b', 'a-7b', 'c-x']);
  assert.deepEqual(view({ sort: 'name', dir: 'desc' }), ['c-x', 'b-70b', 'a-7b']);
  assert.deepEqual(leaderboardView(table, leaderboardStateFrom({ cols: 'b2' })).columns, [1]);
});

test('the leaderboard state round-trips through URL parameters, defaults left out', () => {
  const state = {
    ...defaultLeaderboardState,
    q: 'x',
    families: ['A', 'B'],
    minParams: 1.5,
    sort: 'b2',
    desc: true,
  };
  const params = Object.fromEntries(
    Object.entries(leaderboardParams(state)).filter((e): e is [string, string] => e[1] !== null),
  );
  assert.deepEqual(params, { q: 'x', family: 'A,B', min: '1.5', sort: 'b2', dir: 'desc' });
  assert.deepEqual(leaderboardStateFrom(params), state);
  assert.deepEqual(
    leaderboardParams(defaultLeaderboardState),
    Object.fromEntries(
      Object.keys(params)
        .concat('category', 'max', 'params', 'cols', 'show')
        .map((k) => [k, null]),
    ),
  );
});
