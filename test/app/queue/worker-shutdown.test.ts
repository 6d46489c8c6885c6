import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type FakeServer, startFakeServer } from '../../adapters/providers/fake-model-server.ts';
import { freshPgDatabase, pgSkip } from '../../helpers/postgres.ts';
import { runCliAsync } from '../../helpers/run-cli.ts';
import { cli, dropWhenIdle, pgRun, runIdOf, waitFor } from './queue-helpers.ts';

let db: { url: string; drop: () => Promise<void> } | null = null;
let server: FakeServer;
before(async () => {
  server = await startFakeServer({ latencyMs: 1500 }, 0, false);
  if (!pgSkip) db = await freshPgDatabase();
});
after(async () => {
  await server.close();
  if (db) await dropWhenIdle(db);
});

/** A run of `limit` samples in one job; each test its own seed, so no response comes from the cache. */
async function enqueue(limit: number, seed: number): Promise<string> {
  const r = await runCliAsync([
    '--store',
    db!.url,
    'eval',
    '-m',
    `openai:fake@${server.url}`,
    '-b',
    'arithmetic',
    '--limit',
    String(limit),
    '--queue',
    '--shard-size',
    String(limit),
    '--seed',
    String(seed),
  ]);
  assert.equal(r.status, 0, r.stderr);
  return runIdOf(r.stdout);
}

const finished = (runId: string) => async () => (await pgRun(db!.url, runId)).run?.status === 'finished';

/** Enqueues a run, starts a worker with `grace`, and sends it SIGTERM once its requests are under way. */
async function stopMidJob(seed: number, grace: number) {
  const runId = await enqueue(16, seed);
  const before = server.total();
  const w = cli(['--store', db!.url, 'worker', '--concurrency', '16', '--grace', String(grace)]);
  await waitFor('requests to arrive', () => server.total() > before);
  w.proc.kill('SIGTERM');
  assert.equal(await w.exited, 0, w.out());
  return { runId, before, out: w.out() };
}

/** Another worker completes the run; the run's samples. */
async function completeWithAnotherWorker(runId: string) {
  const next = cli(['--store', db!.url, 'worker']);
  await waitFor('the run to finish', finished(runId));
  next.proc.kill('SIGTERM');
  assert.equal(await next.exited, 0, next.out());
  return pgRun(db!.url, runId);
}

test('SIGTERM: the worker stops fetching, finishes the job in hand, exits 0; another worker completes the run without resending', {
  skip: pgSkip,
}, async () => {
  const { runId, before, out } = await stopMidJob(1, 120);
  assert.match(out, /stopping \(1 jobs in hand\)/);
  assert.doesNotMatch(out, /gave \d+ unfinished jobs back/);
  assert.equal(server.total() - before, 16, 'the job in hand was finished: all its requests sent once');
  // Its scoring job was left for the next worker: nothing is lost, nothing is sent again.
  const { samples } = await completeWithAnotherWorker(runId);
  assert.equal(samples.length, 16);
  assert.equal(server.total() - before, 16, 'no request sent twice');
});

test('SIGTERM past the grace period: the unfinished job goes back to the queue and another worker does it', {
  skip: pgSkip,
}, async () => {
  const { runId, out } = await stopMidJob(2, 0);
  assert.match(out, /gave 1 unfinished jobs back to the queue/);
  assert.equal((await pgRun(db!.url, runId)).samples.length, 0);
  const { samples, run } = await completeWithAnotherWorker(runId);
  assert.equal(samples.length, 16);
  assert.equal(run?.status, 'finished');
});
