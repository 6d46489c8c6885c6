// The job queue: scale-out over worker processes, kills, a million-sample backlog and priorities,
// against a local OpenAI-compatible server with 500 ms latency (a separate process).
//
//   node bench/queue.bench.ts                      the default (a few minutes)
//   node bench/queue.bench.ts --per-worker 2500    samples per worker in the scaling runs (default 1400)
//   node bench/queue.bench.ts --kill-samples 100000 --kill-every 30   the kill run (default 12,000, 30 s)
//   node bench/queue.bench.ts --backlog 1000000 --window 60           the backlog and its overhead window
//   node bench/queue.bench.ts --only scaling|kill|backlog
//
// Needs PostgreSQL: $YARDSTICK_TEST_PG (a server URL whose user may create databases), as the tests.
// Each scenario uses a database of its own, dropped at the end.
import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freshPgDatabase, PG_URL } from '../test/helpers/postgres.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = `${ROOT}src/cli/main.ts`;
const SERVER = `${ROOT}test/adapters/providers/fake-model-server.ts`;
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const PER_WORKER = arg('per-worker', 1400);
const KILL_SAMPLES = arg('kill-samples', 12_000);
const KILL_EVERY_S = arg('kill-every', 30);
const BACKLOG = arg('backlog', 1_000_000);
const WINDOW_S = arg('window', 60);
const CONCURRENCY = 32;

if (!PG_URL) {
  process.stdout.write('skipped: YARDSTICK_TEST_PG is not set (the queue bench needs PostgreSQL)\n');
  process.exit(0);
}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

const freshDb = freshPgDatabase;

async function startServer(latencyMs: number): Promise<string> {
  const child = spawn(process.execPath, [SERVER, '0', String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  return new Promise((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
}

interface Proc {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

function cli(args: string[]): Proc {
  const child = spawn(process.execPath, [MAIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  children.add(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d));
  child.stderr!.on('data', (d: Buffer) => (out += d));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return { child, out: () => out, exited };
}

async function enqueue(url: string, server: string, args: string[]): Promise<{ runId: string; ms: number }> {
  const t = performance.now();
  const p = cli([
    '--store',
    url,
    'eval',
    '-m',
    `openai:fake@${server}`,
    '-b',
    'arithmetic',
    ...args,
    '--queue',
  ]);
  const code = await p.exited;
  if (code !== 0) throw new Error(`eval --queue failed: ${p.out()}`);
  return { runId: p.out().trim().split('\n')[0]!.trim(), ms: performance.now() - t };
}

const startWorker = (url: string) => cli(['--store', url, 'worker', '--concurrency', String(CONCURRENCY)]);

async function started(workers: Proc[]): Promise<void> {
  while (!workers.every((w) => /started/.test(w.out()))) await sleep(50);
}

async function sql<T = Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

const runStatus = async (url: string, runId: string) =>
  (await sql<{ status: string }>(url, 'SELECT status FROM runs WHERE id = $1', [runId]))[0]?.status;
const sampleCount = async (url: string, runId: string) =>
  Number(
    (await sql<{ n: string }>(url, 'SELECT count(*) AS n FROM samples WHERE run_id = $1', [runId]))[0]!.n,
  );

async function stopAll(workers: Proc[]): Promise<string[]> {
  for (const w of workers) w.child.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.exited));
  return workers.map((w) => w.out());
}

/** Items x samples making `n` samples of the arithmetic task (its own seed: no cache hits across runs). */
const workload = (n: number, seed: number) => {
  const samples = n >= 100_000 ? 4 : 2;
  const count = Math.ceil(n / samples);
  return [
    '--task-arg',
    `count=${count}`,
    '--samples',
    String(samples),
    '--temperature',
    '0.7',
    '--seed',
    String(seed),
  ];
};

const server = await startServer(500);
process.stdout.write(
  `fake server ${server} (500 ms per request), ${CONCURRENCY} requests in flight per worker\n`,
);

if (!only || only === 'scaling') {
  process.stdout.write('\n-- scale-out: W workers, W x per-worker samples --\n');
  const rates: number[] = [];
  let requests = 0;
  for (const w of [1, 2, 4, 8]) {
    const db = await freshDb();
    const n = w * PER_WORKER;
    const { runId } = await enqueue(db.url, server, workload(n, 100 + w));
    const workers = Array.from({ length: w }, () => startWorker(db.url));
    await started(workers);
    const t0 = performance.now();
    while ((await runStatus(db.url, runId)) !== 'finished') await sleep(200);
    const secs = (performance.now() - t0) / 1000;
    await stopAll(workers);
    requests += n;
    const rate = n / secs;
    rates.push(rate);
    const speedup = rate / rates[0]!;
    process.stdout.write(
      `${w} worker(s): ${n} samples in ${secs.toFixed(1)} s = ${rate.toFixed(0)} samples/s; speed-up ${speedup.toFixed(2)} (${(speedup / w).toFixed(2)} x workers)\n`,
    );
    await db.drop();
  }
  process.stdout.write(`${requests} requests in the scale-out runs\n`);
}

if (!only || only === 'kill') {
  process.stdout.write(
    `\n-- kills: 4 workers, ${KILL_SAMPLES} samples, a random worker SIGKILLed every ${KILL_EVERY_S} s --\n`,
  );
  const db = await freshDb();
  const { runId } = await enqueue(db.url, server, workload(KILL_SAMPLES, 7));
  const total = KILL_SAMPLES % 2 === 0 ? KILL_SAMPLES : KILL_SAMPLES + 1;
  const workers = Array.from({ length: 4 }, () => startWorker(db.url));
  await started(workers);
  const t0 = performance.now();
  const recoveries: number[] = [];
  const pending: Promise<void>[] = [];
  let nextKill = t0 + KILL_EVERY_S * 1000;
  while ((await runStatus(db.url, runId)) !== 'finished') {
    if (performance.now() >= nextKill) {
      nextKill += KILL_EVERY_S * 1000;
      const i = Math.floor(Math.random() * workers.length);
      // The jobs active at the kill (the victim's among them): recovered once all of them are completed.
      const active = (
        await sql<{ id: string }>(
          db.url,
          "SELECT id::text AS id FROM yardstick_queue.job WHERE state = 'active'",
        )
      ).map((r) => r.id);
      workers[i]!.child.kill('SIGKILL');
      const killedAt = performance.now();
      await workers[i]!.exited;
      workers[i] = startWorker(db.url);
      pending.push(
        (async () => {
          let told = false;
          for (;;) {
            const open = await sql<Record<string, unknown>>(
              db.url,
              `SELECT name, state::text, retry_count, started_on, heartbeat_on, data->>'from' AS "from"
                 FROM yardstick_queue.job WHERE id = ANY($1::uuid[]) AND state <> 'completed'`,
              [active],
            );
            if (open.length === 0) break;
            if (!told && performance.now() - killedAt > 60_000) {
              told = true;
              process.stdout.write(`  still open 60 s after a kill: ${JSON.stringify(open)}\n`);
            }
            await sleep(250);
          }
          recoveries.push((performance.now() - killedAt) / 1000);
        })(),
      );
    }
    await sleep(250);
  }
  const secs = (performance.now() - t0) / 1000;
  await Promise.all(pending);
  await stopAll(workers);
  const n = await sampleCount(db.url, runId);
  const distinct = Number(
    (
      await sql<{ n: string }>(
        db.url,
        'SELECT count(*) AS n FROM (SELECT DISTINCT item_id, sample_index FROM samples WHERE run_id = $1) d',
        [runId],
      )
    )[0]!.n,
  );
  process.stdout.write(
    `${n} of ${total} samples in ${secs.toFixed(1)} s with ${recoveries.length} kills: lost ${total - distinct}, duplicated ${n - distinct}; jobs in hand at a kill all redone within ${recoveries.map((r) => `${r.toFixed(1)} s`).join(', ') || '-'} (max ${Math.max(0, ...recoveries).toFixed(1)} s)\n`,
  );
  await db.drop();
}

if (!only || only === 'backlog') {
  process.stdout.write(
    `\n-- backlog: ${BACKLOG} samples enqueued, 8 workers for ${WINDOW_S} s, then a 100-sample run at priority 10 --\n`,
  );
  const db = await freshDb();
  const big = await enqueue(db.url, server, [...workload(BACKLOG, 11), '--shard-size', '16']);
  const jobs = Number(
    (await sql<{ n: string }>(db.url, 'SELECT count(*) AS n FROM yardstick_queue.job'))[0]!.n,
  );
  process.stdout.write(
    `enqueued ${BACKLOG} samples (${jobs} jobs) in ${(big.ms / 1000).toFixed(1)} s, planning included\n`,
  );
  const workers = Array.from({ length: 8 }, () => startWorker(db.url));
  await started(workers);
  // The window starts once every worker is under way.
  await sleep(5000);
  const n0 = await sampleCount(db.url, big.runId);
  const t0 = performance.now();
  await sleep((WINDOW_S * 1000) / 2);
  const small = await enqueue(db.url, server, [...workload(100, 12), '--priority', '10']);
  const t = performance.now();
  let runningAt = 0;
  while (!runningAt || (await sampleCount(db.url, small.runId)) === 0) {
    if (!runningAt && (await runStatus(db.url, small.runId)) === 'running') runningAt = performance.now();
    await sleep(50);
  }
  const firstSample = performance.now();
  process.stdout.write(
    `the 100-sample run: taken by a worker ${((runningAt - t) / 1000).toFixed(2)} s after it was enqueued; first sample recorded after ${((firstSample - t) / 1000).toFixed(2)} s (one request is 0.5 s)\n`,
  );
  await sleep(Math.max(0, t0 + WINDOW_S * 1000 - performance.now()));
  const n1 = await sampleCount(db.url, big.runId);
  const secs = (performance.now() - t0) / 1000;
  const outs = await stopAll(workers);
  let queueS = 0;
  let wallS = 0;
  for (const o of outs) {
    const m = /([\d.]+) s of ([\d.]+) s in queue operations/.exec(o);
    if (m) {
      queueS += Number(m[1]);
      wallS += Number(m[2]);
    }
  }
  // What the endpoint allows: 8 workers x 32 requests in flight, 0.5 s each (the small run's 100 aside).
  const ideal = (8 * CONCURRENCY) / 0.5;
  const rate = (n1 - n0) / secs;
  process.stdout.write(
    `window of ${secs.toFixed(0)} s: ${n1 - n0} backlog samples = ${rate.toFixed(0)} samples/s of the endpoint-bound ${ideal} (${(100 * (1 - (rate + 100 / secs) / ideal)).toFixed(2)}% below it)\n`,
  );
  process.stdout.write(
    `time inside queue calls: ${queueS.toFixed(1)} s of ${wallS.toFixed(1)} worker-seconds = ${((100 * queueS) / Math.max(wallS, 1)).toFixed(2)}% (fetches that found jobs, lease renewals, completions with their follow-up jobs; concurrent with the requests, so an upper bound of the time they held work up)\n`,
  );
  await db.drop();
}
process.exit(0);
