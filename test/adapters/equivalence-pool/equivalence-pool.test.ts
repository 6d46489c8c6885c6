import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { EquivalencePool } from '../../../src/adapters/equivalence-pool/equivalence-pool.ts';

const pool = new EquivalencePool({ size: 2, timeoutMs: 1500, maxInputChars: 200 });
after(() => pool.close());

test('the pool decides cheap pairs in the calling thread and hard pairs in workers', async () => {
  assert.deepEqual(await pool.check('1,000', '1000'), { equal: true, method: 'string' });
  assert.deepEqual(await pool.check('(x+1)^2', 'x^2+2x+1'), { equal: true, method: 'symbolic' });
  assert.deepEqual(await pool.check('(x+1)^2', 'x^2+1'), { equal: false, method: 'symbolic' });
  assert.ok(pool.stats.quick >= 1 && pool.stats.symbolic >= 2);
});

test('a check that hangs is stopped at the timeout, counted not equal, and the pool keeps working', async () => {
  // 2^{2^{2^{30}}} makes the engine compute a number with ~10^8 digits: it does not return in time.
  const [hang, fine] = await Promise.all([
    pool.check('1', '2^{2^{2^{30}}}'),
    pool.check('\\sqrt{8}', '2\\sqrt{2}'),
  ]);
  assert.deepEqual(hang, { equal: false, method: 'timeout' });
  assert.deepEqual(fine, { equal: true, method: 'symbolic' });
  assert.ok(pool.stats.timeouts >= 1 && pool.stats.restarts >= 1);
  assert.deepEqual(await pool.check('\\sin^2 x+\\cos^2 x', '1'), { equal: true, method: 'symbolic' });
});

test('answers over the input-size cap are refused without being parsed', async () => {
  assert.deepEqual(await pool.check('1', 'x+'.repeat(200)), { equal: false, method: 'too-large' });
});

test('many checks in flight all resolve, in batches', async () => {
  const pairs = Array.from({ length: 60 }, (_, i) => [`${i}x+${i}`, `${i}(x+1)`] as const);
  const results = await Promise.all(pairs.map(([a, b]) => pool.check(a, b)));
  assert.ok(results.every((r) => r.equal));
});
