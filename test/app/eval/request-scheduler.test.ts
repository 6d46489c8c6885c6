import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProviderError } from '../../../src/adapters/providers/provider-error.ts';
import { RequestScheduler } from '../../../src/app/eval/request-scheduler.ts';

const backoff = { baseMs: 1, maxMs: 2, maxRetries: 2 };

test('after a 429 no request starts before Retry-After, and in-flight requests stay under the halved limit', async () => {
  const s = new RequestScheduler({ concurrency: 8, backoff });
  let inFlight = 0;
  let limitedAt = 0;
  const starts: number[] = [];
  const afterPause: number[] = [];
  let first = true;
  const job = async () => {
    starts.push(Date.now());
    inFlight++;
    if (limitedAt && Date.now() >= limitedAt + 55) afterPause.push(inFlight);
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
    if (first) {
      first = false;
      limitedAt = Date.now();
      throw new ProviderError('rate-limited', 'HTTP 429', { status: 429, retryAfterMs: 60 });
    }
    return 1;
  };
  const results = await Promise.all(Array.from({ length: 40 }, () => s.run(job)));
  assert.equal(results.length, 40);
  assert.equal(s.rateLimitedCount, 1);
  assert.ok(s.limit <= 8);
  const during = starts.filter((t) => t > limitedAt + 2 && t < limitedAt + 55);
  assert.deepEqual(during, [], 'requests started inside the Retry-After window');
  assert.ok(Math.max(...afterPause.slice(0, 8)) <= 4, `in flight after the pause: ${afterPause.slice(0, 8)}`);
});

test('transient errors are retried up to the budget, then thrown; client errors are not retried', async () => {
  const s = new RequestScheduler({ concurrency: 2, backoff });
  let calls = 0;
  await assert.rejects(
    s.run(async () => {
      calls++;
      throw new ProviderError('server', 'HTTP 500');
    }),
    /HTTP 500/,
  );
  assert.equal(calls, 3);
  calls = 0;
  await assert.rejects(
    s.run(async () => {
      calls++;
      throw new ProviderError('client', 'HTTP 400');
    }),
    /HTTP 400/,
  );
  assert.equal(calls, 1);
  let n = 0;
  const ok = await s.run(async () => {
    if (++n < 3) throw new ProviderError('timeout', 'slow');
    return 'done';
  });
  assert.deepEqual(ok, { value: 'done', attempts: 3 });
});

test('no more than `concurrency` requests run at once', async () => {
  const s = new RequestScheduler({ concurrency: 3, backoff });
  let inFlight = 0;
  let peak = 0;
  await Promise.all(
    Array.from({ length: 20 }, () =>
      s.run(async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 2));
        inFlight--;
      }),
    ),
  );
  assert.equal(peak, 3);
});

test('an error that is not a failed request (a model that cannot load) is thrown at once, without retries', async () => {
  const s = new RequestScheduler({ concurrency: 2, backoff });
  let calls = 0;
  await assert.rejects(
    s.run(async () => {
      calls++;
      throw new TypeError('cannot load model');
    }),
    TypeError,
  );
  assert.equal(calls, 1);
  assert.equal(await s.run(async () => 'next').then((r) => r.value), 'next', 'the slot was released');
});

test('a requests-per-minute limit holds starts back and says the run is waiting; Retry-After is capped', async () => {
  const notices: (string | null)[] = [];
  const s = new RequestScheduler({
    concurrency: 4,
    backoff,
    rate: { rpm: 2 },
    onWait: (n) => notices.push(n?.reason ?? null),
  });
  await s.run(async () => 1);
  await s.run(async () => 2);
  const stop = new AbortController();
  const third = s.run(async () => 3, stop.signal);
  // The third start waits for the minute to pass: abort it rather than wait.
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(notices, ['requests-per-minute limit']);
  stop.abort();
  await assert.rejects(third);
  const capped = new RequestScheduler({ concurrency: 1, backoff, maxRetryAfterMs: 10 });
  let calls = 0;
  const v = await capped.run(async () => {
    if (++calls === 1)
      throw new ProviderError('rate-limited', 'HTTP 429', { status: 429, retryAfterMs: 86_400_000 });
    return 'after the cap';
  });
  assert.equal(v.value, 'after the cap');
  assert.equal(calls, 2);
});

test('a request run without retries is thrown at its first failure, and its 429 still pauses the next starts', async () => {
  const s = new RequestScheduler({ concurrency: 2, backoff });
  let calls = 0;
  await assert.rejects(
    s.run(
      async () => {
        calls++;
        throw new ProviderError('server', 'HTTP 500');
      },
      undefined,
      undefined,
      { retry: false },
    ),
    /HTTP 500/,
  );
  assert.equal(calls, 1);
  const limitedAt = Date.now();
  await assert.rejects(
    s.run(
      async () => {
        throw new ProviderError('rate-limited', 'HTTP 429', { status: 429, retryAfterMs: 50 });
      },
      undefined,
      undefined,
      { retry: false },
    ),
    /HTTP 429/,
  );
  assert.equal(s.rateLimitedCount, 1);
  await s.run(async () => 'after');
  assert.ok(Date.now() >= limitedAt + 50, 'the next start waited for the Retry-After');
});
