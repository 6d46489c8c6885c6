import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BudgetChildJob } from './budget-child.ts';

const CHILD = new URL('./budget-child.ts', import.meta.url).pathname;

/** One request as the counting server saw it. */
export interface Arrival {
  /** performance.now() of the server when the request arrived. */
  at: number;
  /** Date.now() at the same moment. */
  wallMs: number;
  tokens: number;
}

export interface CountingServer {
  url: string;
  arrivals: Arrival[];
  close: () => Promise<void>;
}

/**
 * A local server that records when each request arrived and the tokens it carries (x-tokens), and
 * answers as `answer` says (default 200 at once).
 */
export async function startCountingServer(
  answer: (n: number) => { status: number; headers?: Record<string, string>; delayMs?: number } = () => ({
    status: 200,
  }),
): Promise<CountingServer> {
  const arrivals: Arrival[] = [];
  const server = http.createServer((req, res) => {
    arrivals.push({
      at: performance.now(),
      wallMs: Date.now(),
      tokens: Number(req.headers['x-tokens'] ?? 0),
    });
    const a = answer(arrivals.length - 1);
    const reply = () => {
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end('{}');
    };
    if (a.delayMs) setTimeout(reply, a.delayMs);
    else reply();
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The most requests and the most tokens the server saw within any window of `windowMs` (by arrival). */
export function busiestWindow(arrivals: Arrival[], windowMs: number): { requests: number; tokens: number } {
  const a = [...arrivals].sort((x, y) => x.at - y.at);
  let requests = 0;
  let tokens = 0;
  let j = 0;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    // The window [a[i], a[i] + windowMs): the fullest windows start at an arrival.
    while (j < a.length && a[j]!.at < a[i]!.at + windowMs) sum += a[j++]!.tokens;
    requests = Math.max(requests, j - i);
    tokens = Math.max(tokens, sum);
    sum -= a[i]!.tokens;
  }
  return { requests, tokens };
}

export interface BudgetChild {
  process: ChildProcess;
  /** Resolves when the child printed `line`. */
  printed: (line: string) => Promise<void>;
  /** Resolves with the child's last line parsed ({ sent, queries }); rejects when it exits with an error. */
  result: Promise<{ sent: number; queries: number }>;
}

/** Starts one worker process of the shared budget (test/helpers/budget-child.ts). */
export function budgetChild(job: BudgetChildJob): BudgetChild {
  const p = spawn(process.execPath, [CHILD, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const listeners: (() => void)[] = [];
  p.stdout!.on('data', (d: Buffer) => {
    out += d;
    for (const l of listeners.splice(0)) l();
  });
  p.stderr!.on('data', (d: Buffer) => (err += d));
  const printed = (line: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (out.split('\n').includes(line)) resolve();
        else if (p.exitCode !== null || p.signalCode !== null)
          reject(new Error(`child ended before printing ${line}: ${err}`));
        else listeners.push(check);
      };
      p.once('exit', check);
      check();
    });
  const result = new Promise<{ sent: number; queries: number }>((resolve, reject) =>
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`budget child exited with ${code}: ${err}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!));
    }),
  );
  result.catch(() => {}); // a child killed on purpose is not an unhandled rejection
  return { process: p, printed, result };
}
