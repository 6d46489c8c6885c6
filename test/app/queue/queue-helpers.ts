import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPostgresStore } from '../../../src/adapters/store/postgres/open-postgres-store.ts';
import type { SampleRecord } from '../../../src/core/schema/index.ts';
import type { Action, ReceivedRequest } from '../../adapters/providers/fake-model-server.ts';
import { PG_URL } from '../../helpers/postgres.ts';

export const MAIN = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));

/** Waits until `check` holds; the ceiling only guards against a hang, it is no time budget. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, ceilingMs = 240_000) {
  const end = Date.now() + ceilingMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await sleep(100);
  }
}

/** A child process of the real CLI, with its output kept. */
export interface Child {
  proc: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

export function cli(args: string[], env: Record<string, string> = {}): Child {
  const proc = spawn(process.execPath, [MAIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d));
  proc.stderr!.on('data', (d: Buffer) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { proc, out: () => out, exited };
}

/** `yardstick worker` on a store, with small lease and grace settings for tests. */
export const worker = (store: string, ...more: string[]) =>
  cli(['--store', store, 'worker', '--concurrency', '4', '--grace', '20', ...more]);

/**
 * The fake server's script: every odd attempt of one request in nine is a transient 500 (each run
 * meets them, whatever ran before), the rest answer by prompt and seed (some answers wrong).
 */
export const flaky = (r: ReceivedRequest): Action =>
  r.attempt % 2 === 1 && Number.parseInt(r.contentKey.slice(0, 4), 16) % 9 === 0
    ? { kind: 'status', status: 500 }
    : { kind: 'ok' };

export const comparable = (s: SampleRecord) =>
  [s.itemId, s.sampleIndex, s.response, s.verdict, s.score, s.extracted].join('|');

/** The run ids the last line of `eval --queue` output printed. */
export const runIdOf = (stdout: string) => stdout.trim().split('\n').pop()!.trim();

/** Reads a PostgreSQL store's run and samples. */
export async function pgRun(url: string, runId: string) {
  const store = await openPostgresStore(url, { poolSize: 2 });
  try {
    const run = await store.run(runId);
    const samples: SampleRecord[] = [];
    for await (const s of store.samples(runId)) samples.push(s);
    const results = (await store.results()).filter((r) => r.runId === runId);
    return { run, samples, results };
  } finally {
    await store.close();
  }
}

/**
 * Drops a test database once the connections this process closed have left the server (a forced drop
 * of a connection still closing makes its client raise an error after the test).
 */
export async function dropWhenIdle(db: { url: string; drop: () => Promise<void> }): Promise<void> {
  const name = new URL(db.url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await waitFor(
      'the closed connections to leave',
      async () =>
        (await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]))
          .rows[0].n === 0,
      30_000,
    ).catch(() => undefined);
  } finally {
    await admin.end();
  }
  await db.drop();
}
