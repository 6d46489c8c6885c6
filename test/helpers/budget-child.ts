// Run as a child process by the shared endpoint budget tests and bench: one worker process sharing an
// endpoint's budget through PostgreSQL. argv[2] is a JSON BudgetChildJob. Prints "ready" once its
// budget is open, "held" when a `hold` job holds its permits, and a last line of JSON:
// { sent, queries } (requests sent, budget queries made).
import { ProviderError } from '../../src/adapters/providers/provider-error.ts';
import { openPostgresEndpointBudget } from '../../src/adapters/queue/postgres-endpoint-budget.ts';
import { RequestScheduler } from '../../src/app/eval/request-scheduler.ts';

export interface BudgetChildJob {
  /** hold: take `permits` and keep them until killed; send: `requests` requests, each under a permit;
   * schedule: `requests` requests through a RequestScheduler sharing the budget (429s pause everyone). */
  mode: 'hold' | 'send' | 'schedule';
  url: string;
  endpoint: string;
  windowMs?: number;
  leaseMs?: number;
  /** The counting server; each request carries its tokens in x-tokens. */
  server?: string;
  requests?: number;
  /** Tokens each request uses (and is estimated at). */
  tokens?: number;
  permits?: number;
  /** Requests this process keeps in flight at once (default 4). */
  concurrency?: number;
  /** schedule mode: send requests until this epoch ms instead of a count. */
  untilMs?: number;
}

const job = JSON.parse(process.argv[2]!) as BudgetChildJob;
const budget = await openPostgresEndpointBudget(job.url, { windowMs: job.windowMs, leaseMs: job.leaseMs });
process.stdout.write('ready\n');
const tokens = job.tokens ?? 1;

async function send(): Promise<void> {
  const res = await fetch(job.server!, { headers: { 'x-tokens': String(tokens) } });
  await res.arrayBuffer();
  if (res.status === 429)
    throw new ProviderError('rate-limited', 'HTTP 429', {
      status: 429,
      retryAfterMs: Number(res.headers.get('retry-after')) * 1000,
    });
  if (!res.ok) throw new ProviderError('server', `HTTP ${res.status}`);
}

let sent = 0;
if (job.mode === 'hold') {
  for (let i = 0; i < (job.permits ?? 1); i++) await budget.acquire(job.endpoint, tokens);
  process.stdout.write('held\n');
  await new Promise(() => {}); // until killed
} else if (job.mode === 'send') {
  let left = job.requests ?? 1;
  const lane = async () => {
    while (left-- > 0) {
      const permit = await budget.acquire(job.endpoint, tokens);
      await send();
      sent++;
      await permit.release(tokens);
    }
  };
  await Promise.all(Array.from({ length: job.concurrency ?? 4 }, lane));
} else {
  const scheduler = new RequestScheduler({
    concurrency: job.concurrency ?? 4,
    backoff: { baseMs: 1, maxMs: 2, maxRetries: 2 },
    shared: { budget, endpoint: job.endpoint, estimatedTokens: tokens },
  });
  let left = job.requests ?? Number.POSITIVE_INFINITY;
  const more = () => (job.untilMs ? Date.now() < job.untilMs : left-- > 0);
  const lane = async () => {
    while (more()) {
      await scheduler.run(send, undefined, () => tokens);
      sent++;
    }
  };
  await Promise.all(Array.from({ length: job.concurrency ?? 4 }, lane));
}
const queries = budget.queries;
await budget.close();
process.stdout.write(`${JSON.stringify({ sent, queries })}\n`);
