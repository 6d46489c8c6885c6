import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { EquivalencePool } from '../../../src/adapters/equivalence-pool/equivalence-pool.ts';
import { ManualTimers } from '../../helpers/manual-timers.ts';

// Budgets run out only when a test expires them (ManualTimers): no verdict here depends on machine speed.
const timers = new ManualTimers();
const pool = new EquivalencePool({
  size: 2,
  timeoutMs: 1500,
  retryTimeoutMs: 3000,
  maxInputChars: 200,
  timers,
});
after(() => pool.close());

const verdict = async (p: Promise<{ equal: boolean; method: string }>) => {
  const r = await p;
  return { equal: r.equal, method: r.method };
};

/**
 * The real worker behind a gate: it starts only when `open()` is called, and counts its replies so the
 * test can block until one is waiting in the pool's port (control[0]: gate, control[1]: replies posted).
 */
function heldWorker(open = false) {
  const control = new Int32Array(new SharedArrayBuffer(8));
  if (open) control[0] = 1;
  return {
    worker: { url: new URL('./held-worker.ts', import.meta.url), data: { control } },
    open: () => {
      Atomics.store(control, 0, 1);
      Atomics.notify(control, 0);
    },
    /** Blocks this thread (no event is handled meanwhile) until the worker has posted more than `n` replies. */
    blockUntilReplies: (n: number) => {
      while (Atomics.load(control, 1) <= n) Atomics.wait(control, 1, n);
    },
  };
}

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

test('worker start-up does not count against a check: the budget starts when the ready worker receives it', async () => {
  const held = heldWorker();
  const cold = new ManualTimers();
  const pool1 = new EquivalencePool({ size: 1, timeoutMs: 300, retryTimeoutMs: 5000, timers: cold, ...held });
  try {
    const pending = Promise.all([
      verdict(pool1.check('\\frac{x^2-4}{x-2}', 'x+2')),
      verdict(pool1.check('\\sqrt{12}', '2\\sqrt{3}')),
    ]);
    // the worker is held at start-up: a budget armed now would run out here
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(cold.armed.length, 0, 'no budget runs while the worker starts');
    cold.expireAll();
    held.open();
    const budget = await cold.nth(0); // armed once the ready worker received the checks
    assert.equal(budget.ms, 300);
    assert.deepEqual(await pending, [
      { equal: true, method: 'symbolic' },
      { equal: true, method: 'symbolic' },
    ]);
    assert.equal(pool1.stats.retries, 0);
    assert.equal(pool1.stats.timeouts, 0);
  } finally {
    await pool1.close();
  }
});

test('a reply that arrived while the main thread was busy is not taken for a timeout', async () => {
  const held = heldWorker(true);
  const busyTimers = new ManualTimers();
  const busy = new EquivalencePool({
    size: 1,
    timeoutMs: 400,
    retryTimeoutMs: 5000,
    timers: busyTimers,
    ...held,
  });
  try {
    await busy.check('x^2', 'x\\cdot x'); // started and warm
    const pending = busy.check('(x-1)(x+1)', 'x^2-1');
    const budget = busyTimers.armed.at(-1)!;
    assert.equal(budget.cleared, false);
    // this thread stays busy until the worker's answer waits in the port, then the budget runs out first
    held.blockUntilReplies(2); // posted so far: "ready" and the warm-up check's reply
    budget.expire();
    assert.deepEqual(await verdict(pending), { equal: true, method: 'symbolic' });
    assert.equal(busy.stats.retries, 0);
    assert.equal(busy.stats.timeouts, 0);
  } finally {
    await busy.close();
  }
});

test('a check that hangs is retried once on a fresh worker, then resolves as a timeout; the pool keeps working', async () => {
  const hangTimers = new ManualTimers();
  const one = new EquivalencePool({ size: 1, timeoutMs: 1500, retryTimeoutMs: 3000, timers: hangTimers });
  try {
    // 2^{2^{2^{30}}} makes the engine compute a number with ~10^8 digits: it does not return.
    const both = Promise.all([
      verdict(one.check('1', '2^{2^{2^{30}}}')),
      verdict(one.check('\\sqrt{8}', '2\\sqrt{2}')),
    ]);
    const first = await hangTimers.nth(0); // the batch's current check is the hanging one
    assert.equal(first.ms, 1500);
    first.expire();
    const retry = await hangTimers.nth(1); // the hanging check alone, on a fresh worker
    assert.equal(retry.ms, 3000);
    retry.expire();
    const [hang, fine] = await both;
    assert.deepEqual(hang, { equal: false, method: 'timeout' });
    assert.deepEqual(fine, { equal: true, method: 'symbolic' });
    assert.equal(one.stats.retries, 1);
    assert.equal(one.stats.timeouts, 1);
    assert.ok(one.stats.restarts >= 2);
    assert.deepEqual(await verdict(one.check('\\sin^2 x+\\cos^2 x', '1')), {
      equal: true,
      method: 'symbolic',
    });
  } finally {
    await one.close();
  }
});

test('answers over the input-size cap are refused without being parsed', async () => {
  assert.deepEqual(await verdict(pool.check('1', 'x+'.repeat(200))), { equal: false, method: 'too-large' });
});

test('many checks in flight all resolve, in batches', async () => {
  const pairs = Array.from({ length: 60 }, (_, i) => [`${i}x+${i}`, `${i}(x+1)`] as const);
  const results = await Promise.all(pairs.map(([a, b]) => pool.check(a, b)));
  assert.ok(results.every((r) => r.equal));
  assert.equal(pool.stats.timeouts, 0);
  assert.ok(timers.armed.length > 0 && timers.armed.every((t) => t.cleared), 'every budget was met');
});
