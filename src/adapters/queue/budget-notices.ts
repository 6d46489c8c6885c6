import pg from 'pg';
import { z } from 'zod';

/** The NOTIFY channel of the shared endpoint budgets. */
export const BUDGET_CHANNEL = 'yardstick_endpoint_budget';

/** A request of the endpoint ended or gave up its start (`free`), or the endpoint was paused for `ms`. */
const Notice = z.union([z.object({ free: z.string() }), z.object({ pause: z.string(), ms: z.number() })]);

/**
 * What the processes sharing endpoint budgets tell each other, over one LISTEN connection: a
 * request ended (a slot or a place in a window may be free) and an endpoint was paused. A process
 * whose start is blocked waits for a `free` notice, and each notice wakes one waiter of this process
 * (the one that gets its start wakes the next), so a freed slot costs one query per waiting process,
 * not one per waiting request.
 */
export class BudgetNotices {
  private readonly client: pg.Client;
  private readonly frees = new Map<string, number>();
  private readonly waiters = new Map<string, (() => void)[]>();
  private readonly pauses = new Map<string, number>();
  /** Set when the LISTEN connection failed: waits then end on their timers alone. */
  error: Error | null = null;

  private constructor(client: pg.Client) {
    this.client = client;
    client.on('notification', (m) => {
      if (m.channel !== BUDGET_CHANNEL || !m.payload) return;
      const parsed = Notice.safeParse(JSON.parse(m.payload));
      if (!parsed.success) return;
      const n = parsed.data;
      if ('free' in n) {
        this.frees.set(n.free, this.generation(n.free) + 1);
        this.wakeNext(n.free);
      } else this.paused(n.pause, Date.now() + n.ms);
    });
    client.on('error', (err) => {
      this.error = err;
    });
  }

  static async open(url: string): Promise<BudgetNotices> {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    await client.connect();
    await client.query(`listen ${BUDGET_CHANNEL}`);
    return new BudgetNotices(client);
  }

  /** How many `free` notices of the endpoint arrived: a blocked start that saw a newer one retries at once. */
  generation(key: string): number {
    return this.frees.get(key) ?? 0;
  }

  /** Local epoch ms before which no request to the endpoint starts, as far as this process heard. */
  pausedUntil(key: string): number {
    return this.pauses.get(key) ?? 0;
  }

  paused(key: string, untilMs: number): void {
    this.pauses.set(key, Math.max(this.pausedUntil(key), untilMs));
  }

  /** Whether a start of the endpoint in this process waits for a `free` notice (a newer one queues behind it). */
  blocked(key: string): boolean {
    return (this.waiters.get(key)?.length ?? 0) > 0;
  }

  /** Wakes the longest-waiting blocked start of the endpoint in this process, if any. */
  wakeNext(key: string): void {
    this.waiters.get(key)?.shift()?.();
  }

  /**
   * Waits for a `free` notice of the endpoint (at once if one came after `seen`), at most `ms`.
   * Rejects with the signal's reason when it aborts first.
   */
  waitFree(key: string, seen: number, ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.generation(key) !== seen) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const queue = this.waiters.get(key) ?? [];
      this.waiters.set(key, queue);
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const i = queue.indexOf(wake);
        if (i >= 0) queue.splice(i, 1);
      };
      const wake = () => {
        done();
        resolve();
      };
      const onAbort = () => {
        done();
        reject(signal!.reason);
      };
      const timer = setTimeout(wake, Math.max(1, ms));
      queue.push(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => {});
  }
}
