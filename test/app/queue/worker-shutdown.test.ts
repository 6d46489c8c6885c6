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

test('SIGTERM: the worker stops fetching, finishes the job in hand, exits 0; another worker completes the run without resending', {
  skip: pgSkip,
}, async () => {
  const runId = await enqueue(16, 1);
  const before = server.total();
  const w = cli(['--store', db!.url, 'worker', '--concurrency', '16', '--grace', '120']);
  await waitFor('requests to arrive', () => server.total() > before);
  w.proc.kill('SIGTERM');
  assert.equal(await w.exited, 0, w.out());
  assert.match(w.out(), /stopping \(1 jobs in hand\)/);
  assert.doesNotMatch(w.out(), /gave \d+ unfinished jobs back/);
  const sent = server.total() - before;
  assert.equal(sent, 16, 'the job in hand was finished: all its requests sent once');
  // Its scoring job was left for the next worker: nothing is lost, nothing is sent again.
  const next = cli(['--store', db!.url, 'worker']);
  await waitFor('the run to finish', finished(runId));
  next.proc.kill('SIGTERM');
  assert.equal(await next.exited, 0, next.out());
  const { samples } = await pgRun(db!.url, runId);
  assert.equal(samples.length, 16);
  assert.equal(server.total() - before, 16, 'no request sent twice');
});

test('SIGTERM past the grace period: the unfinished job goes back to the queue and another worker does it', {
  skip: pgSkip,
}, async () => {
  const runId = await enqueue(16, 2);
  const before = server.total();
  const w = cli(['--store', db!.url, 'worker', '--concurrency', '16', '--grace', '0']);
  await waitFor('requests to arrive', () => server.total() > before);
  w.proc.kill('SIGTERM');
  assert.equal(await w.exited, 0, w.out());
  assert.match(w.out(), /gave 1 unfinished jobs back to the queue/);
  assert.equal((await pgRun(db!.url, runId)).samples.length, 0);
  const next = cli(['--store', db!.url, 'worker']);
  await waitFor('the run to finish', finished(runId));
  next.proc.kill('SIGTERM');
  assert.equal(await next.exited, 0, next.out());
  const { samples, run } = await pgRun(db!.url, runId);
  assert.equal(samples.length, 16);
  assert.equal(run?.status, 'finished');
});
