// Shared endpoint budget (issue 18): N worker processes (default 8) share a 600 requests/minute
// budget, through PostgreSQL, against a local fake OpenAI-compatible server that answers at once.
// Target: the server never sees more than 1% above 600 requests in any 60 s sliding window.
// Reports that count, the requests per minute overall and the budget's queries per request.
// Usage: node bench/endpoint-budget.bench.ts [--seconds 240] [--workers 8] [--rpm 600] [--pg URL]
// Without --pg it uses $YARDSTICK_TEST_PG, else starts a private cluster (.ci/start-postgres.sh).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgresEndpointBudget } from '../src/adapters/queue/postgres-endpoint-budget.ts';
import { startFakeServer } from '../test/adapters/providers/fake-model-server.ts';
import { busiestWindow } from '../test/helpers/budget-children.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '240' },
    workers: { type: 'string', default: '8' },
    rpm: { type: 'string', default: '600' },
    lanes: { type: 'string', default: '8' },
    pg: { type: 'string' },
  },
});
const SECONDS = Number(values.seconds);
const WORKERS = Number(values.workers);
const RPM = Number(values.rpm);
const WINDOW = 60_000;

let pgUrl = values.pg ?? process.env.YARDSTICK_TEST_PG ?? '';
let stopCluster = () => {};
if (!pgUrl) {
  const dir = mkdtempSync(join(tmpdir(), 'ys-budget-pg-'));
  try {
    pgUrl = execFileSync('.ci/start-postgres.sh', [dir], { env: { ...process.env, PGPORT: '55791' } })
      .toString()
      .trim();
  } catch (err) {
    console.log(`skipped: no PostgreSQL (--pg, $YARDSTICK_TEST_PG or .ci/start-postgres.sh): ${err}`);
    process.exit(0);
  }
  stopCluster = () => {
    const bin = execFileSync('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1'])
      .toString()
      .trim();
    const ctl = [`${bin}/pg_ctl`, '-D', dir, '-m', 'fast', 'stop'];
    if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', ...ctl]);
    else execFileSync(ctl[0]!, ctl.slice(1));
    rmSync(dir, { recursive: true, force: true });
  };
}
const name = `ys_bench_budget_${process.pid}`;
const admin = new pg.Client({ connectionString: pgUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const dbUrl = new URL(pgUrl);
dbUrl.pathname = `/${name}`;

const arrivals: { at: number; wallMs: number; tokens: number }[] = [];
const server = await startFakeServer(
  {
    script: () => {
      arrivals.push({ at: performance.now(), wallMs: Date.now(), tokens: 0 });
      return { kind: 'ok' };
    },
  },
  0,
  false,
);
const budget = await openPostgresEndpointBudget(dbUrl.toString());
await budget.setLimits(server.url, { concurrency: null, rpm: RPM, tpm: null });

const load0 = loadavg();
const deadline = Date.now() + 3000 + SECONDS * 1000;
console.log(`${WORKERS} workers x ${values.lanes} lanes, ${RPM} requests/minute shared, ${SECONDS} s`);
const results = await Promise.all(
  Array.from(
    { length: WORKERS },
    () =>
      new Promise<{ sent: number; queries: number }>((resolve, reject) => {
        const p = spawn(
          process.execPath,
          [
            new URL('./endpoint-budget-worker.ts', import.meta.url).pathname,
            dbUrl.toString(),
            server.url,
            values.lanes!,
            String(WINDOW),
            String(deadline),
          ],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        let out = '';
        p.stdout.on('data', (d: Buffer) => (out += d));
        p.on('close', (code) =>
          code === 0
            ? resolve(JSON.parse(out.trim().split('\n').at(-1)!))
            : reject(new Error(`worker exited ${code}`)),
        );
      }),
  ),
);
const load1 = loadavg();
await budget.close();
await server.close();
await admin.query(`drop database ${name} with (force)`);
await admin.end();
stopCluster();

const sent = results.reduce((a, r) => a + r.sent, 0);
const queries = results.reduce((a, r) => a + r.queries, 0);
const busiest = busiestWindow(arrivals, WINDOW).requests;
const first = arrivals[0]?.at ?? 0;
// From the first request to the deadline: the time the budget had to fill.
const span = deadline - (arrivals[0]?.wallMs ?? deadline);
const perWindow: number[] = [];
for (const a of arrivals)
  perWindow[Math.floor((a.at - first) / WINDOW)] = (perWindow[Math.floor((a.at - first) / WINDOW)] ?? 0) + 1;
console.log(`requests the server saw: ${arrivals.length} (workers counted ${sent} answered)`);
console.log(
  `busiest 60 s sliding window: ${busiest} requests (budget ${RPM}; ${((busiest / RPM - 1) * 100).toFixed(2)}% over; target <= 1%)`,
);
console.log(`per consecutive minute from the first request: ${perWindow.map((n) => n ?? 0).join(', ')}`);
console.log(
  `requests per minute overall: ${(arrivals.length / (span / 60_000)).toFixed(1)} over ${(span / 1000).toFixed(1)} s`,
);
console.log(`budget queries per request: ${(queries / Math.max(1, sent)).toFixed(2)} (${queries} queries)`);
console.log(
  `load average: ${load0.map((l) => l.toFixed(1)).join(' ')} before, ${load1.map((l) => l.toFixed(1)).join(' ')} after`,
);
process.exitCode = busiest <= RPM * 1.01 ? 0 : 1;
