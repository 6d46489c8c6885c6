import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressLine } from '../../../src/cli/progress/progress-display.ts';

test('the progress line shows done/total, request and token rates, errors, cache hits and ETA', () => {
  const line = progressLine(
    'm / b',
    { done: 25, resumed: 0, total: 100, errors: 2, cached: 5, requests: 20, tokens: 1000 },
    10_000,
    8,
  );
  assert.equal(line, 'm / b [##......] 25/100  ETA 0:30  2.0 req/s  100 tok/s  errors 2  cached 5');
});
