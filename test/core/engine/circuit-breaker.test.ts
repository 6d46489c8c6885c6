import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type BreakerState, closedBreaker, recordRequest } from '../../../src/core/engine/circuit-breaker.ts';
import { causeOf, groupErrors } from '../../../src/core/engine/error-causes.ts';

const run = (
  outcomes: (string | null)[],
  policy = { maxConsecutive: 3, maxErrorRate: 0.5, minRequests: 10 },
) => outcomes.reduce<BreakerState>((s, o) => recordRequest(s, o, policy), closedBreaker);

test('the breaker opens after N transport failures in a row, and a success resets the streak', () => {
  assert.equal(run(['x', 'x', null, 'x', 'x']).tripped, null);
  const s = run(['x', 'x', 'boom']);
  assert.match(s.tripped ?? '', /^3 requests failed in a row, the last with: boom$/);
  assert.equal(recordRequest(s, null).tripped, s.tripped, 'an open breaker stays open');
});

test('the breaker opens when the error rate passes the threshold, only after the minimum of requests', () => {
  const alternating = Array.from({ length: 9 }, (_, i) => (i % 3 === 2 ? null : 'e'));
  assert.equal(run(alternating).tripped, null, 'fewer than 10 requests never trip on rate');
  assert.match(run([...alternating, 'e']).tripped ?? '', /^7 of 10 requests failed \(over 50%\)/);
  assert.equal(run([...Array(20).fill(null), 'e', 'e']).tripped, null);
});

test('error messages group by cause, keeping hosts, ports and HTTP status, most frequent first', () => {
  assert.equal(
    causeOf('HTTP 500 from 127.0.0.1:8000: worker 17 crashed after 2.5 s'),
    'HTTP 500 from 127.0.0.1:8000: worker N crashed after N s',
  );
  const groups = groupErrors([
    'HTTP 500 from h:1: worker 1 crashed',
    'no complete response within 2000 ms',
    'HTTP 500 from h:1: worker 2 crashed',
  ]);
  assert.deepEqual(groups, [
    {
      cause: 'HTTP 500 from h:1: worker N crashed',
      count: 2,
      example: 'HTTP 500 from h:1: worker 1 crashed',
    },
    { cause: 'no complete response within N ms', count: 1, example: 'no complete response within 2000 ms' },
  ]);
});
