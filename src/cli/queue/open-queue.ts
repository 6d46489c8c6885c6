import type { Command } from 'commander';
import type { PostgresEndpointBudget } from '../../adapters/queue/postgres-endpoint-budget.ts';
import type { JobQueue } from '../../adapters/queue/job-queue.ts';
import { isPostgresUrl, resolveStoreLocation } from '../../adapters/store/open-store.ts';
import type { SqlTransactionStore } from '../../adapters/store/store.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';

/**
 * Opens the PostgreSQL store named by --store / $YARDSTICK_STORE and the job queue in it, runs fn,
 * and closes both. Queued work needs PostgreSQL: any other store is a usage error. `poolSize` caps
 * the connections the process holds (the store and the queue share them).
 */
export async function withQueue<T>(
  cmd: Command,
  what: string,
  fn: (store: SqlTransactionStore, queue: JobQueue, location: string) => Promise<T>,
  o: { poolSize?: number; supervise?: boolean } = {},
): Promise<T> {
  const location = resolveStoreLocation(cmd.optsWithGlobals().store as string | undefined);
  if (!isPostgresUrl(location))
    throw new UserError(
      `${what} needs a PostgreSQL store: pass --store postgres://... (or set YARDSTICK_STORE); ${location} is not one`,
      EXIT.usage,
    );
  const { openPostgresStore } = await import('../../adapters/store/postgres/open-postgres-store.ts');
  const { PgBossQueue } = await import('../../adapters/queue/pg-boss-queue.ts');
  let store: SqlTransactionStore;
  try {
    store = await openPostgresStore(location, { poolSize: o.poolSize ?? 4 });
  } catch (err) {
    throw new UserError(`cannot open store: ${(err as Error).message}`, EXIT.storeUnavailable);
  }
  let queue: JobQueue | null = null;
  try {
    queue = await PgBossQueue.open(store, { superviseSeconds: o.supervise ? 5 : 0 });
    return await fn(store, queue, location);
  } finally {
    await queue?.close();
    await store.close();
  }
}

/** The per-endpoint limits in the store's database, shared by every worker (two connections). */
export async function openEndpointBudget(location: string): Promise<PostgresEndpointBudget> {
  const { openPostgresEndpointBudget } = await import('../../adapters/queue/postgres-endpoint-budget.ts');
  return openPostgresEndpointBudget(location, { poolSize: 2 });
}
