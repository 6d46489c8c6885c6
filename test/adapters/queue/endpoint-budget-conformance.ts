import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EndpointBudget, EndpointLimits } from '../../../src/adapters/queue/endpoint-budget.ts';
import type { BudgetChildJob } from '../../helpers/budget-child.ts';
import { budgetChild, busiestWindow, startCountingServer } from '../../helpers/budget-children.ts';

/** How a conformance run opens budgets of one implementation, in this process and in worker processes. */
export interface BudgetHarness {
  /** A budget of this process (each call: a separate holder, as another process would be). */
  open: (options: { windowMs?: number; leaseMs?: number }) => Promise<EndpointBudget>;
  setLimits: (endpoint: string, limits: EndpointLimits) => Promise<void>;
  /** What a worker process (test/helpers/budget-child.ts) needs to open the same shared budget. */
  url: string;
}

const none: EndpointLimits = { concurrency: null, rpm: null, tpm: null };
// Hang guards only: nothing below measures how long anything took.
const GUARD = { timeout: 180_000 };

/**
 * The behaviour every EndpointBudget implementation shares. Each test uses its own endpoint. Counts are
 * checked as upper bounds on what a server saw, so a loaded machine can only make the runs slower.
 */
export function endpointBudgetConformance(
  name: string,
  harness: () => Promise<BudgetHarness>,
  options: { skip?: string | false } = {},
): void {
  describe(`EndpointBudget conformance: ${name}`, { skip: options.skip }, () => {
    test(
      'the concurrency cap holds across several holders, and every waiting start gets its turn',
      GUARD,
      async () => {
        const h = await harness();
        const endpoint = 'http://127.0.0.1:1/cap';
        await h.setLimits(endpoint, { ...none, concurrency: 2 });
        const budgets = await Promise.all([1, 2, 3].map(() => h.open({})));
        let inFlight = 0;
        let peak = 0;
        let done = 0;
        await Promise.all(
          budgets.flatMap((b) =>
            Array.from({ length: 6 }, async () => {
              const permit = await b.acquire(endpoint, 1);
              peak = Math.max(peak, ++inFlight);
              await new Promise((r) => setTimeout(r, 5));
              inFlight--;
              await permit.release(1);
              done++;
            }),
          ),
        );
        await Promise.all(budgets.map((b) => b.close()));
        assert.equal(done, 18);
        assert.ok(peak <= 2, `${peak} requests in flight under a cap of 2`);
      },
    );

    test('a holder killed with SIGKILL loses its slots when its lease runs out', GUARD, async () => {
      const h = await harness();
      const endpoint = 'http://127.0.0.1:1/killed';
      await h.setLimits(endpoint, { ...none, concurrency: 2 });
      const child = budgetChild({ mode: 'hold', url: h.url, endpoint, permits: 2, leaseMs: 1500 });
      await child.printed('held');
      child.process.kill('SIGKILL');
      const b = await h.open({});
      // Without the lease this would wait for ever: the killed holder never releases.
      const permits = [await b.acquire(endpoint, 1), await b.acquire(endpoint, 1)];
      await Promise.all(permits.map((p) => p.release(1)));
      await b.close();
    });

    const hammer = async (
      endpoint: string,
      limits: EndpointLimits,
      jobs: (server: string, i: number) => BudgetChildJob,
    ) => {
      const h = await harness();
      await h.setLimits(endpoint, limits);
      const server = await startCountingServer();
      try {
        const children = Array.from({ length: 6 }, (_, i) =>
          budgetChild({ ...jobs(server.url, i), url: h.url }),
        );
        const results = await Promise.all(children.map((c) => c.result));
        return { results, arrivals: server.arrivals };
      } finally {
        await server.close();
      }
    };

    test(
      'requests per minute hold exactly under contention from 6 processes, as the server sees them',
      GUARD,
      async () => {
        const windowMs = 600;
        const { results, arrivals } = await hammer(
          'http://127.0.0.1:1/rpm',
          { ...none, rpm: 3 },
          (server) => ({
            mode: 'send',
            url: '',
            endpoint: 'http://127.0.0.1:1/rpm',
            server,
            windowMs,
            requests: 4,
          }),
        );
        assert.equal(arrivals.length, 24);
        assert.equal(
          results.reduce((a, r) => a + r.sent, 0),
          24,
        );
        const busiest = busiestWindow(arrivals, windowMs);
        assert.ok(busiest.requests <= 3, `${busiest.requests} requests in one window under a budget of 3`);
      },
    );

    test(
      'tokens per minute hold exactly under contention from 6 processes, as the server sees them',
      GUARD,
      async () => {
        const windowMs = 600;
        const { arrivals } = await hammer('http://127.0.0.1:1/tpm', { ...none, tpm: 6 }, (server, i) => ({
          mode: 'send',
          url: '',
          endpoint: 'http://127.0.0.1:1/tpm',
          server,
          windowMs,
          requests: 4,
          tokens: 1 + (i % 3),
        }));
        assert.equal(arrivals.length, 24);
        const busiest = busiestWindow(arrivals, windowMs);
        assert.ok(busiest.tokens <= 6, `${busiest.tokens} tokens in one window under a budget of 6`);
      },
    );

    test('a pause stored by one holder holds back every other holder until it ends', GUARD, async () => {
      const h = await harness();
      const endpoint = 'http://127.0.0.1:1/paused';
      const [a, b] = await Promise.all([h.open({}), h.open({})]);
      const until = Date.now() + 700;
      await a.pause(endpoint, until);
      const permit = await b.acquire(endpoint, 1);
      assert.ok(Date.now() >= until, 'the start waited for the pause to end');
      await permit.release(1);
      await Promise.all([a.close(), b.close()]);
    });

    test('an aborted wait rejects with the signal reason and leaves the slot to others', GUARD, async () => {
      const h = await harness();
      const endpoint = 'http://127.0.0.1:1/abort';
      await h.setLimits(endpoint, { ...none, concurrency: 1 });
      const [a, b] = await Promise.all([h.open({}), h.open({})]);
      const held = await a.acquire(endpoint, 1);
      const stop = new AbortController();
      const waiting = b.acquire(endpoint, 1, stop.signal);
      stop.abort(new Error('stopped by the test'));
      await assert.rejects(waiting, /stopped by the test/);
      await held.release(1);
      const next = await b.acquire(endpoint, 1);
      await next.release(1);
      // A start reserved ahead in a full window is given up on abort too.
      const full = 'http://127.0.0.1:1/abort-reserved';
      await h.setLimits(full, { ...none, rpm: 1 });
      const first = await a.acquire(full, 1);
      await first.release(1);
      const later = new AbortController();
      const reserved = b.acquire(full, 1, later.signal);
      setTimeout(() => later.abort(new Error('no longer needed')), 50);
      await assert.rejects(reserved, /no longer needed/);
      await Promise.all([a.close(), b.close()]);
    });
  });
}
