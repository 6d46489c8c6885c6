import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { JobQueue } from '../../../src/adapters/queue/job-queue.ts';
import type { EndpointBudget } from '../../../src/adapters/queue/endpoint-budget.ts';
import { PgBossQueue } from '../../../src/adapters/queue/pg-boss-queue.ts';
import { openPostgresEndpointBudget } from '../../../src/adapters/queue/postgres-endpoint-budget.ts';
import { openPostgresStore } from '../../../src/adapters/store/postgres/open-postgres-store.ts';
import type { SqlTransactionStore } from '../../../src/adapters/store/store.ts';
import type { EvalRequest } from '../../../src/app/eval/plan-eval.ts';
import { RunContext } from '../../../src/app/eval/run-context.ts';
import { enqueueEval } from '../../../src/app/queue/enqueue-eval.ts';
import { cancelQueuedRun, queueStatusOf } from '../../../src/app/queue/queue-run-commands.ts';
import { QueueWorker, type WorkerEvent } from '../../../src/app/queue/queue-worker.ts';
import type { JobKind } from '../../../src/core/schema/queue-job.ts';
import type { DatasetContext } from '../../../src/core/task/task.ts';
import { builtinRegistry } from '../../../src/registry/builtin.ts';
import { type FakeServer, startFakeServer } from '../../adapters/providers/fake-model-server.ts';
import { skipWithoutBwrap } from '../../helpers/bwrap.ts';
import { freshPgDatabase, pgSkip } from '../../helpers/postgres.ts';
import { dropWhenIdle, waitFor } from './queue-helpers.ts';

const dataset: DatasetContext = { dataDir: null, cacheDir: tmpdir(), online: false };
const registry = builtinRegistry();

describe('queue workers (in process, PostgreSQL)', { skip: pgSkip }, () => {
  let db: { url: string; drop: () => Promise<void> };
  let store: SqlTransactionStore;
  let queue: JobQueue;
  let server: FakeServer;
  before(async () => {
    db = await freshPgDatabase();
    store = await openPostgresStore(db.url, { poolSize: 6 });
    queue = await PgBossQueue.open(store, { superviseSeconds: 0 });
    server = await startFakeServer({ latencyMs: 2 }, 0, false);
  });
  after(async () => {
    await queue?.close();
    await store?.close();
    await server?.close();
    if (db) await dropWhenIdle(db);
  });

  const enqueue = (
    request: Partial<EvalRequest>,
    priority = 0,
    shardSize = 8,
    limits?: Pick<EndpointBudget, 'setLimits'>,
  ) =>
    enqueueEval(
      store,
      queue,
      registry,
      { models: [`openai:fake@${server.url}`], benchmarks: ['arithmetic'], limit: 16, ...request },
      { dataset, toolVersion: 'test', priority, shardSize, limits },
    );

  /** A worker in this process; `stop` ends it (as SIGTERM would) and waits for it. */
  function startWorker(roles: JobKind[] = ['gen', 'score', 'exec'], data = dataset, budget?: EndpointBudget) {
    const events: WorkerEvent[] = [];
    const stop = new AbortController();
    const w = new QueueWorker(store, queue, registry, {
      roles,
      concurrency: 4,
      scoreSlots: 2,
      execSlots: 2,
      dataset: data,
      budget,
      idleMs: 50,
      scheduler: { backoff: { baseMs: 1, maxMs: 5, maxRetries: 3 } },
      onEvent: (e) => events.push(e),
    });
    const context = new RunContext();
    const done = context.run(() => w.run(stop.signal)).finally(() => context.close());
    return {
      events,
      stop: async () => {
        stop.abort();
        await done;
      },
    };
  }

  const status = async (runId: string) => (await store.run(runId))?.status;

  test('a later run of higher priority has its jobs fetched before the backlog of earlier runs', async () => {
    const [backlog] = await enqueue({ limit: 200 }, 0);
    const [urgent] = await enqueue({ limit: 24 }, 10);
    const fetched = await queue.fetch('gen', 3);
    assert.deepEqual(
      fetched.map((j) => (j.data as { runId: string }).runId),
      [urgent!.spec.id, urgent!.spec.id, urgent!.spec.id],
    );
    for (const j of fetched) await queue.release(j);
    await cancelQueuedRun(store, queue, backlog!.spec.id);
    await cancelQueuedRun(store, queue, urgent!.spec.id);
  });

  test("queue cancel cancels the run's jobs and records it interrupted with a reason; workers leave it alone", async () => {
    const [run] = await enqueue({ limit: 40 });
    const id = run!.spec.id;
    const cancelled = await cancelQueuedRun(store, queue, id);
    assert.equal(cancelled, 5);
    const [line] = await queueStatusOf(store, queue, [id]);
    assert.equal(line!.total.cancelled, 5);
    assert.equal(line!.total.queued + line!.total.active, 0);
    const rec = await store.run(id);
    assert.equal(rec?.status, 'interrupted');
    assert.match(rec?.reason ?? '', /cancelled/);
    const before = server.total();
    const w = startWorker();
    await new Promise((r) => setTimeout(r, 300));
    await w.stop();
    assert.equal(server.total(), before, 'no request was sent for a cancelled run');
  });

  test('a run is finished by the workers with every sample, its progress read from the store', async () => {
    const [run] = await enqueue({ limit: 30, samples: 2 });
    const id = run!.spec.id;
    assert.equal((await store.run(id))?.progress.total, 60);
    const w = startWorker();
    await waitFor('the run to finish', async () => (await status(id)) === 'finished');
    await w.stop();
    const [c] = await store.runCounts([id]);
    assert.equal(c?.samples, 60);
    const rec = await store.run(id);
    assert.equal(rec?.progress.done, 60);
    assert.equal(rec?.progress.owner, 'queue');
    assert.ok(w.events.some((e) => e.event === 'run-finished' && e.run === id));
    assert.ok((await store.results()).some((r) => r.runId === id));
  });

  test('--resume RUN --queue is refused while the run has jobs waiting, and queues a cancelled run again to the end', async () => {
    const [run] = await enqueue({ limit: 24, seed: 7 });
    const id = run!.spec.id;
    await assert.rejects(enqueue({ resume: id }), /still has 3 jobs in the queue/);
    await cancelQueuedRun(store, queue, id);
    const [again] = await enqueue({ resume: id });
    assert.equal(again!.jobs, 3);
    assert.equal(again!.resumed, true);
    assert.equal((await store.run(id))?.status, 'running');
    const w = startWorker();
    await waitFor('the resumed run to finish', async () => (await status(id)) === 'finished');
    await w.stop();
    assert.equal((await store.runCounts([id]))[0]?.samples, 24);
  });

  test('an endpoint that refuses the run fails it with the reason and cancels its remaining jobs', async () => {
    const [run] = await enqueue({ models: ['openai:fake@http://127.0.0.1:1/v1'], limit: 64 });
    const id = run!.spec.id;
    const w = startWorker(['gen']);
    await waitFor('the run to fail', async () => (await status(id)) === 'failed');
    await w.stop();
    const rec = await store.run(id);
    assert.match(rec?.reason ?? '', /connection refused/);
    const [line] = await queueStatusOf(store, queue, [id]);
    assert.equal(line!.total.queued + line!.total.active, 0);
    assert.ok(line!.total.cancelled >= 1);
    assert.equal((await store.runCounts([id])).length, 0, 'no sample recorded');
    assert.ok(w.events.some((e) => e.event === 'run-failed' && e.run === id));
  });

  test('a malformed payload fails only its own job, with the reason; the worker goes on with the others', async () => {
    await queue.add([
      { kind: 'gen', data: { runId: 'bogus-run', from: 9, to: 3, endpoint: 'x' }, priority: 50 },
      { kind: 'score', data: { runId: 'bogus-run', hello: 1 }, priority: 50 },
    ]);
    const [run] = await enqueue({ limit: 16 });
    const w = startWorker();
    await waitFor('the good run to finish', async () => (await status(run!.spec.id)) === 'finished');
    await waitFor('both bad jobs to fail', async () => {
      const rows = await queue.counts(['bogus-run']);
      return rows.filter((r) => r.state === 'failed').reduce((n, r) => n + r.count, 0) === 2;
    });
    await w.stop();
    const reasons = w.events.flatMap((e) => (e.event === 'job-failed' ? [e.reason] : []));
    assert.ok(
      reasons.some((r) => /malformed payload: to: must be greater than from/.test(r)),
      reasons.join('; '),
    );
    assert.ok(
      reasons.some((r) => /malformed payload/.test(r) && /hello|endpoint|from/.test(r)),
      reasons.join('; '),
    );
  });

  test("a run queued with --concurrency 1 stores it as its endpoint's cap, and two workers together keep it", async () => {
    const budget = await openPostgresEndpointBudget(db.url, { poolSize: 2 });
    const arrivals: number[] = [];
    const capped = await startFakeServer({
      script: () => {
        arrivals.push(performance.now());
        return { kind: 'ok', delayMs: 40 };
      },
    });
    try {
      assert.equal(await budget.limits(capped.url), null);
      const [run] = await enqueue(
        { models: [`openai:fake@${capped.url}`], limit: 12, concurrency: 1 },
        0,
        4,
        budget,
      );
      assert.deepEqual(await budget.limits(capped.url), { concurrency: 1, rpm: null, tpm: null });
      const workers = [
        startWorker(['gen', 'score'], dataset, budget),
        startWorker(['gen', 'score'], dataset, budget),
      ];
      await waitFor('the capped run to finish', async () => (await status(run!.spec.id)) === 'finished');
      for (const w of workers) await w.stop();
      assert.equal(arrivals.length, 12);
      // One request at a time: each starts after the one before it ended (40 ms after it arrived).
      const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
      assert.ok(
        Math.min(...gaps) >= 35,
        `requests overlapped: gaps ${gaps.map((g) => g.toFixed(0)).join(', ')} ms`,
      );
    } finally {
      await capped.close();
      await budget.close();
    }
  });

  test('a worker whose dataset differs from the one the run was planned with fails the job and records nothing; a worker with the same dataset does it', async () => {
    const mirror = (offset: number) => {
      const dir = mkdtempSync(join(tmpdir(), 'ys-queue-items-'));
      mkdirSync(join(dir, 'humaneval'), { recursive: true });
      const rows = [0, 1].map((n) =>
        JSON.stringify({
          task_id: `Mini/${n}`,
          prompt: `def add${n}(a, b):\n    """Return a + b + ${offset}."""\n`,
          canonical_solution: `    return a + b + ${offset}\n`,
          test: `def check(candidate):\n    assert candidate(2, ${n}) == ${2 + n + offset}\n`,
          entry_point: `add${n}`,
        }),
      );
      writeFileSync(join(dir, 'humaneval', 'HumanEval.jsonl'), `${rows.join('\n')}\n`);
      return dir;
    };
    const planned = mirror(0);
    const other = mirror(1);
    try {
      const [run] = await enqueueEval(
        store,
        queue,
        registry,
        { models: [`openai:fake@${server.url}`], benchmarks: ['humaneval'] },
        { dataset: { ...dataset, dataDir: planned }, toolVersion: 'test', priority: 0, shardSize: 2 },
      );
      const id = run!.spec.id;
      const wrong = startWorker(['gen'], { ...dataset, dataDir: other });
      await waitFor('the job to fail on the other items', () =>
        wrong.events.some((e) => e.event === 'job-failed' && e.run === id),
      );
      await wrong.stop();
      const failed = wrong.events.find((e) => e.event === 'job-failed' && e.run === id);
      assert.match(
        failed && 'reason' in failed ? failed.reason : '',
        /are not those the run was planned with; give the worker the same dataset \(--data-dir\)/,
      );
      assert.equal((await store.sampleStates(id)).length, 0);

      const right = startWorker(['gen'], { ...dataset, dataDir: planned });
      await waitFor('the generation job to be done', async () => {
        const [line] = await queueStatusOf(store, queue, [id]);
        return line?.byKind.exec.queued === 1;
      });
      await right.stop();
      await queue.cancelRun(id);
    } finally {
      rmSync(planned, { recursive: true, force: true });
      rmSync(other, { recursive: true, force: true });
    }
  });

  const bwrap = skipWithoutBwrap();
  test('code tasks are scored by exec jobs in the sandbox, with the verdicts of the code', {
    skip: bwrap,
  }, async () => {
    const data = mkdtempSync(join(tmpdir(), 'ys-queue-exec-'));
    try {
      mkdirSync(join(data, 'humaneval'), { recursive: true });
      const rows = [0, 1, 2, 3].map((n) =>
        JSON.stringify({
          task_id: `Mini/${n}`,
          prompt: `def add${n}(a, b):\n    """Return a + b."""\n`,
          canonical_solution: '    return a + b\n',
          test: `def check(candidate):\n    assert candidate(2, ${n}) == ${2 + n}\n`,
          entry_point: `add${n}`,
        }),
      );
      writeFileSync(join(data, 'humaneval', 'HumanEval.jsonl'), `${rows.join('\n')}\n`);
      const code = await startFakeServer({
        script: (req) => {
          const text = (req.body.messages as { content: string }[]).at(-1)!.content;
          const n = Number(/def add(\d+)/.exec(text)?.[1] ?? 0);
          const body = n % 2 === 0 ? 'return a + b' : 'return a - b';
          return { kind: 'ok', text: `\`\`\`python\ndef add${n}(a, b):\n    ${body}\n\`\`\`` };
        },
      });
      try {
        const ds = { ...dataset, dataDir: data };
        const [run] = await enqueueEval(
          store,
          queue,
          registry,
          { models: [`openai:fake@${code.url}`], benchmarks: ['humaneval'] },
          { dataset: ds, toolVersion: 'test', priority: 0, shardSize: 2 },
        );
        const id = run!.spec.id;
        const w = startWorker(['gen', 'score', 'exec'], ds);
        await waitFor('the code run to finish', async () => (await status(id)) === 'finished');
        await w.stop();
        const states = await store.sampleStates(id);
        assert.deepEqual(
          states.map((s) => [s.itemId, s.verdict]),
          [
            ['Mini/0', 'correct'],
            ['Mini/1', 'incorrect'],
            ['Mini/2', 'correct'],
            ['Mini/3', 'incorrect'],
          ],
        );
        const [line] = await queueStatusOf(store, queue, [id]);
        assert.equal(line!.byKind.exec.completed, 2);
        assert.equal(line!.byKind.score.completed, 0);
      } finally {
        await code.close();
      }
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
