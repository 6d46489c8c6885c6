import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { QUEUE_SCHEMA } from '../../../src/adapters/queue/pg-boss-queue.ts';
import { openSqliteStore } from '../../../src/adapters/store/sqlite/open-sqlite-store.ts';
import type { SampleRecord } from '../../../src/core/schema/index.ts';
import { type FakeServer, startFakeServer } from '../../adapters/providers/fake-model-server.ts';
import { freshPgDatabase, pgSkip } from '../../helpers/postgres.ts';
import { runCliAsync } from '../../helpers/run-cli.ts';
import {
  type Child,
  comparable,
  dropWhenIdle,
  flaky,
  pgRun,
  runIdOf,
  waitFor,
  worker,
} from './queue-helpers.ts';
import { seededRandom as rng } from '../../helpers/seeded-random.ts';

const LIMIT = 150;
const SAMPLES = 2;
const TOTAL = LIMIT * SAMPLES;

let db: { url: string; drop: () => Promise<void> } | null = null;
let server: FakeServer;
const dir = mkdtempSync(join(tmpdir(), 'ys-queue-kill-'));
before(async () => {
  server = await startFakeServer({ latencyMs: 150, script: flaky }, 0, false);
  if (!pgSkip) db = await freshPgDatabase();
});
after(async () => {
  await server.close();
  if (db) await dropWhenIdle(db);
  rmSync(dir, { recursive: true, force: true });
});

test('three workers, one SIGKILLed at random moments and restarted, record exactly the samples and result of a one-process run', {
  skip: pgSkip,
}, async () => {
  const model = ['-m', `openai:fake@${server.url}`, '-b', 'arithmetic', '--limit', String(LIMIT)];
  const args = [...model, '--samples', String(SAMPLES), '--temperature', '0.7', '--concurrency', '4'];

  // The reference: the same run in one process, without the queue.
  const refStore = join(dir, 'reference.db');
  const ref = await runCliAsync(['--store', refStore, 'eval', ...args, '--progress', 'none']);
  assert.equal(ref.status, 0, ref.stderr);
  const sqlite = await openSqliteStore(refStore);
  const refRun = (await sqlite.runs())[0]!;
  const expected: SampleRecord[] = [];
  for await (const s of sqlite.samples(refRun.spec.id)) expected.push(s);
  const refResults = (await sqlite.results()).filter((r) => r.runId === refRun.spec.id);
  await sqlite.close();
  assert.equal(expected.length, TOTAL);
  assert.ok(expected.some((s) => s.verdict === 'incorrect') && expected.some((s) => s.verdict === 'correct'));

  const url = db!.url;
  const queued = await runCliAsync(['--store', url, 'eval', ...args, '--queue', '--shard-size', '8']);
  assert.equal(queued.status, 0, queued.stderr);
  const runId = runIdOf(queued.stdout);

  const workers: Child[] = [
    worker(url, '--concurrency', '2'),
    worker(url, '--concurrency', '2'),
    worker(url, '--concurrency', '2'),
  ];
  const random = rng(20261127);
  let kills = 0;
  const done = async () => (await pgRun(url, runId)).run?.status === 'finished';
  const waitingJobs = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const r = await c.query(`SELECT count(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE state = 'created'`);
    await c.end();
    return r.rows[0].n as number;
  };
  // Kill one worker at a random moment, restart it, and again, while jobs are still waiting: a
  // worker that has started takes jobs at once while some wait, so each kill takes jobs in hand.
  while (kills < 4) {
    const victim = Math.floor(random() * workers.length);
    await waitFor('the worker to start', () => /started/.test(workers[victim]!.out()));
    await sleep(500 + random() * 1500);
    if ((await waitingJobs()) < 3) break;
    workers[victim]!.proc.kill('SIGKILL');
    await workers[victim]!.exited;
    kills++;
    workers[victim] = worker(url, '--concurrency', '2');
  }
  await waitFor('the run to finish', done);
  for (const w of workers) w.proc.kill('SIGTERM');
  const codes = await Promise.all(workers.map((w) => w.exited));
  assert.deepEqual(codes, [0, 0, 0], workers.map((w) => w.out()).join('\n'));

  const { run, samples, results } = await pgRun(url, runId);
  assert.ok(kills >= 1);
  assert.equal(run?.status, 'finished');
  assert.equal(samples.length, TOTAL, 'no sample lost');
  assert.equal(new Set(samples.map((s) => `${s.itemId}/${s.sampleIndex}`)).size, TOTAL, 'no duplicate');
  assert.deepEqual(samples.map(comparable), expected.map(comparable));
  assert.deepEqual(
    results.map((r) => [r.metric, r.value, r.n]),
    refResults.map((r) => [r.metric, r.value, r.n]),
  );
  assert.equal(run?.progress.done, TOTAL);
  // The kills did take jobs from workers: some were delivered again after their lease ran out.
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const redelivered = await c.query(
    `SELECT count(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE retry_count > 0 AND state = 'completed'`,
  );
  await c.end();
  assert.ok(redelivered.rows[0].n >= 1, 'no job was redelivered: the kills hit no job in hand');
});

test('eval --queue with a SQLite store is a usage error naming --store postgres://', async () => {
  const r = await runCliAsync([
    '--store',
    join(dir, 'local.db'),
    'eval',
    '-m',
    `openai:fake@${server.url}`,
    '-b',
    'arithmetic',
    '--queue',
  ]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /needs a PostgreSQL store: pass --store postgres:\/\//);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});
