import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { EquivalencePool } from '../../../src/adapters/equivalence-pool/equivalence-pool.ts';

const pool = new EquivalencePool({ size: 2, timeoutMs: 1500, retryTimeoutMs: 3000, maxInputChars: 200 });
after(() => pool.close());

const verdict = async (p: Promise<{ equal: boolean; method: string }>) => {
  const r = await p;
  return { equal: r.equal, method: r.method };
};

test('the pool decides cheap pairs in the calling thread and hard pairs in workers, with the compared forms', async () => {
  assert.deepEqual(await pool.check('1,000', '1000'), {
    equal: true,
    method: 'exact',
    normalized: { gold: '1000', answer: '1000' },
  });
  assert.deepEqual(await pool.check('(x+1)^2', 'x^2+2x+1'), {
    equal: true,
    method: 'symbolic',
    normalized: { gold: '(x+1)^2', answer: 'x^2+2x+1' },
  });
  assert.deepEqual(await verdict(pool.check('(x+1)^2', 'x^2+1')), { equal: false, method: 'symbolic' });
  assert.ok(pool.stats.quick >= 1 && pool.stats.symbolic >= 2);
});

test('worker start-up does not count against a check: a cold pool with a budget far below start-up decides', async () => {
  // starting a worker and loading the engine takes about a second; the budget is 300 ms from a ready worker
  const cold = new EquivalencePool({ size: 1, timeoutMs: 300, retryTimeoutMs: 5000 });
  try {
    const r = await Promise.all([
      verdict(cold.check('\\frac{x^2-4}{x-2}', 'x+2')),
      verdict(cold.check('\\sqrt{12}', '2\\sqrt{3}')),
    ]);
    assert.deepEqual(r, [
      { equal: true, method: 'symbolic' },
      { equal: true, method: 'symbolic' },
    ]);
    assert.equal(cold.stats.timeouts, 0);
  } finally {
    await cold.close();
  }
});

test('a reply that arrived while the main thread was busy is not taken for a timeout', async () => {
  const busy = new EquivalencePool({ size: 1, timeoutMs: 400, retryTimeoutMs: 5000 });
  try {
    await busy.check('x^2', 'x\\cdot x'); // started and warm
    const pending = busy.check('(x-1)(x+1)', 'x^2-1');
    // block this thread well past the budget: the worker answers meanwhile, the timer fires first
    const until = Date.now() + 1500;
    while (Date.now() < until);
    assert.deepEqual(await verdict(pending), { equal: true, method: 'symbolic' });
    assert.equal(busy.stats.retries, 0);
  } finally {
    await busy.close();
  }
});

test('a check that hangs is retried once on a fresh worker, then resolves as a timeout; the pool keeps working', async () => {
  // 2^{2^{2^{30}}} makes the engine compute a number with ~10^8 digits: it does not return in time.
  const [hang, fine] = await Promise.all([
    verdict(pool.check('1', '2^{2^{2^{30}}}')),
    verdict(pool.check('\\sqrt{8}', '2\\sqrt{2}')),
  ]);
  assert.deepEqual(hang, { equal: false, method: 'timeout' });
  assert.deepEqual(fine, { equal: true, method: 'symbolic' });
  assert.ok(pool.stats.retries >= 1 && pool.stats.timeouts >= 1 && pool.stats.restarts >= 2);
  assert.deepEqual(await verdict(pool.check('\\sin^2 x+\\cos^2 x', '1')), {
    equal: true,
    method: 'symbolic',
  });
});

test('answers over the input-size cap are refused without being parsed', async () => {
  assert.deepEqual(await verdict(pool.check('1', 'x+'.repeat(200))), { equal: false, method: 'too-large' });
});

test('many checks in flight all resolve, in batches', async () => {
  const pairs = Array.from({ length: 60 }, (_, i) => [`${i}x+${i}`, `${i}(x+1)`] as const);
  const results = await Promise.all(pairs.map(([a, b]) => pool.check(a, b)));
  assert.ok(results.every((r) => r.equal));
});
