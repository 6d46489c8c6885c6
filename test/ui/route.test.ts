import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRoute, routeHash } from '../../src/ui/route.ts';

test('a route hash round-trips: path segments and parameters, special characters included', () => {
  const hash = routeHash(['sample', 'run/1 ä'], { item: 'HumanEval/0', index: 2, empty: '', none: null });
  assert.equal(hash, '#/sample/run%2F1%20%C3%A4?index=2&item=HumanEval%2F0');
  assert.deepEqual(parseRoute(hash), {
    path: ['sample', 'run/1 ä'],
    params: { index: '2', item: 'HumanEval/0' },
  });
});

test('an empty hash is the leaderboard; parameter order does not change the URL of a view', () => {
  assert.deepEqual(parseRoute(''), { path: ['leaderboard'], params: {} });
  assert.deepEqual(parseRoute('#/?q=x'), { path: ['leaderboard'], params: { q: 'x' } });
  assert.equal(routeHash(['runs'], { b: '2', a: '1' }), routeHash(['runs'], { a: '1', b: '2' }));
});
