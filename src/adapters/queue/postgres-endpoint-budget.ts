import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import { migrate } from '../store/migrate.ts';
import { redactUrl } from '../store/postgres/open-postgres-store.ts';
import type { Database } from '../store/tables.ts';
import { BUDGET_CHANNEL, BudgetNotices } from './budget-notices.ts';
import type { BudgetPermit, EndpointBudget, EndpointLimits } from './endpoint-budget.ts';
import { endpointKey } from './endpoint-key.ts';
import {
  listEndpointBudgets,
  readEndpointLimits,
  type StoredEndpointBudget,
  setEndpointLimits,
} from './endpoint-limits-table.ts';

export interface PostgresBudgetOptions {
  /** Length of the per-minute windows (default 60 s; shorter in tests). Every process sharing an endpoint uses the same. */
  windowMs?: number;
  /**
   * How long a start's slot is held without renewal (default 30 s). A process renews its slots every
   * third of it, so a process killed with SIGKILL frees its slots at most this long after it died.
   */
  leaseMs?: number;
  /** Connections for decisions and releases (default 4; LISTEN takes one more). */
  poolSize?: number;
  /** Who holds the slots (default host:pid:random). */
  holder?: string;
}

export const DEFAULT_BUDGET_WINDOW_MS = 60_000;
export const DEFAULT_BUDGET_LEASE_MS = 30_000;

const Decision = z.object({
  request_id: z.string().nullable(),
  wait_ms: z.number(),
  reason: z.string().nullable(),
});

/** The database clock in epoch ms, rounded up (an end is never recorded before it happened). */
const NOW_MS = sql`ceil(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/**
 * The shared endpoint budget on PostgreSQL (tables and function of migration 0018-endpoint-budgets).
 * A start is decided by one call of `endpoint_budget_acquire` under a per-endpoint advisory lock: a
 * concurrency slot leased by this process, and a place in the per-minute windows (reserved ahead when
 * they are full, and slept until); a release records the end and the tokens used and NOTIFYs the
 * waiting processes. At steady state a request costs two queries (acquire and release) plus the
 * lease renewals of the process (one query per third of a lease).
 */
export class PostgresEndpointBudget implements EndpointBudget {
  readonly holder: string;
  readonly windowMs: number;
  readonly leaseMs: number;
  /** Queries sent so far (the bench reports queries per request). */
  queries = 0;
  /** The last failed lease renewal, if any (the next acquire or release reports a dead connection). */
  renewError: unknown = null;
  readonly db: Kysely<Database>;
  private readonly notices: BudgetNotices;
  private readonly held = new Map<string, string>();
  private readonly renewTimer: NodeJS.Timeout;
  private closed = false;

  constructor(db: Kysely<Database>, notices: BudgetNotices, options: PostgresBudgetOptions = {}) {
    this.db = db;
    this.notices = notices;
    this.windowMs = options.windowMs ?? DEFAULT_BUDGET_WINDOW_MS;
    this.leaseMs = options.leaseMs ?? DEFAULT_BUDGET_LEASE_MS;
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.renewTimer = setInterval(() => void this.renew(), Math.max(1, Math.floor(this.leaseMs / 3)));
    this.renewTimer.unref();
  }

  async acquire(endpoint: string, estimatedTokens: number, signal?: AbortSignal): Promise<BudgetPermit> {
    const key = endpointKey(endpoint);
    const tokens = Number.isFinite(estimatedTokens) ? Math.max(0, Math.round(estimatedTokens)) : 0;
    // Behind a start of this process that waits for a slot: queue behind it rather than ask again.
    if (this.notices.blocked(key))
      await this.notices.waitFree(key, this.notices.generation(key), this.leaseMs, signal);
    for (;;) {
      signal?.throwIfAborted();
      if (this.closed) throw new Error('the endpoint budget is closed');
      const seen = this.notices.generation(key);
      this.queries++;
      const { rows } =
        await sql`select * from endpoint_budget_acquire(${key}, ${this.holder}, ${tokens}, ${this.windowMs}, ${this.leaseMs})`.execute(
          this.db,
        );
      const d = Decision.parse(rows[0]);
      if (d.request_id === null) {
        await this.notices.waitFree(key, seen, d.wait_ms, signal);
        continue;
      }
      const id = d.request_id;
      this.held.set(id, key);
      // What freed this start may free more: the next blocked start of this process tries too.
      this.notices.wakeNext(key);
      try {
        await this.startAt(key, d.wait_ms, signal);
      } catch (err) {
        await this.cancel(id);
        throw err;
      }
      return { release: (used) => this.release(id, used) };
    }
  }

  /** Sleeps until the reserved start, and past any pause another process announced meanwhile. */
  private async startAt(key: string, waitMs: number, signal?: AbortSignal): Promise<void> {
    try {
      if (waitMs > 0) await sleep(waitMs, undefined, { signal });
      for (let left = this.notices.pausedUntil(key) - Date.now(); left > 0; ) {
        await sleep(left, undefined, { signal });
        left = this.notices.pausedUntil(key) - Date.now();
      }
    } catch (err) {
      throw signal?.aborted ? signal.reason : err;
    }
  }

  private async release(id: string, usedTokens: number): Promise<void> {
    if (!this.held.delete(id)) return;
    const tokens = Number.isFinite(usedTokens) ? Math.max(0, Math.round(usedTokens)) : 0;
    this.queries++;
    await sql`with u as (
        update endpoint_requests set ended_at = greatest(started_at, ${NOW_MS}), tokens = ${tokens}
        where id = ${id} and ended_at is null returning endpoint)
      select pg_notify(${BUDGET_CHANNEL}, json_build_object('free', endpoint)::text) from u`.execute(this.db);
  }

  /** A start given up before its request was sent: it never counted, so its row goes. */
  private async cancel(id: string): Promise<void> {
    if (!this.held.delete(id)) return;
    this.queries++;
    await sql`with d as (delete from endpoint_requests where id = ${id} returning endpoint)
      select pg_notify(${BUDGET_CHANNEL}, json_build_object('free', endpoint)::text) from d`.execute(this.db);
  }

  async pause(endpoint: string, untilMs: number): Promise<void> {
    const key = endpointKey(endpoint);
    const ms = Math.ceil(untilMs - Date.now());
    if (ms <= 0) return;
    this.notices.paused(key, untilMs);
    this.queries++;
    // Stored on the database clock: the processes' clocks never meet.
    await sql`with p as (
        insert into endpoint_budgets (endpoint, paused_until, updated_at)
        values (${key}, ${NOW_MS} + ${ms}, ${new Date().toISOString()})
        on conflict (endpoint) do update
          set paused_until = greatest(endpoint_budgets.paused_until, excluded.paused_until)
        returning endpoint, paused_until)
      select pg_notify(${BUDGET_CHANNEL}, json_build_object('pause', endpoint, 'ms', paused_until - ${NOW_MS})::text)
      from p`.execute(this.db);
  }

  /** Extends the leases of this process's slots; runs every third of a lease while it holds any. */
  private async renew(): Promise<void> {
    if (this.held.size === 0 || this.closed) return;
    this.queries++;
    try {
      await sql`update endpoint_requests set lease_until = greatest(lease_until, ${NOW_MS} + ${this.leaseMs})
        where holder = ${this.holder} and ended_at is null`.execute(this.db);
      this.renewError = null;
    } catch (err) {
      this.renewError = err;
    }
  }

  setLimits(endpoint: string, limits: EndpointLimits): Promise<void> {
    return setEndpointLimits(this.db, endpoint, limits);
  }

  limits(endpoint: string): Promise<EndpointLimits | null> {
    return readEndpointLimits(this.db, endpoint);
  }

  list(): Promise<StoredEndpointBudget[]> {
    return listEndpointBudgets(this.db);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.renewTimer);
    try {
      if (this.held.size > 0) {
        this.held.clear();
        await sql`with u as (
            update endpoint_requests set ended_at = greatest(started_at, ${NOW_MS})
            where holder = ${this.holder} and ended_at is null returning endpoint)
          select pg_notify(${BUDGET_CHANNEL}, json_build_object('free', endpoint)::text)
          from (select distinct endpoint from u) e`.execute(this.db);
      }
    } finally {
      await this.notices.close();
      await this.db.destroy();
    }
  }
}

/**
 * Connects to the PostgreSQL store at `url` (migrating it if needed) and returns the endpoint budget
 * this process shares with every other process using that store.
 */
export async function openPostgresEndpointBudget(
  url: string,
  options: PostgresBudgetOptions = {},
): Promise<PostgresEndpointBudget> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 4,
    connectionTimeoutMillis: 5000,
  });
  pool.on('error', () => {}); // an idle connection lost: the next query reconnects or fails
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let notices: BudgetNotices;
  try {
    await migrate(db);
    notices = await BudgetNotices.open(url);
  } catch (err) {
    await db.destroy().catch(() => {});
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(
      `cannot open the endpoint budget at ${redactUrl(url)}: ${why.replaceAll(url, redactUrl(url))}`,
    );
  }
  return new PostgresEndpointBudget(db, notices, options);
}
