import { type Kysely, SqliteAdapter, sql } from 'kysely';
import { type MigrationResultSet, Migrator } from 'kysely/migration';
import { migrationProvider } from './migrations.ts';
import type { Database } from './tables.ts';

/**
 * Whether every migration is already recorded: one query, where the Migrator would inspect the schema,
 * take its lock and read the table inside a transaction (~5 ms of every command's start-up).
 */
async function upToDate(db: Kysely<Database>): Promise<boolean> {
  let applied: Set<string>;
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    applied = new Set(rows.map((r) => r.name));
  } catch {
    return false; // a new store: no migration table yet
  }
  return Object.keys(await migrationProvider.getMigrations()).every((name) => applied.has(name));
}

function check({ error, results }: MigrationResultSet): void {
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const why = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`store migration ${failed?.migrationName ?? ''} failed: ${why}`);
  }
}

/** Any fixed number: the PostgreSQL advisory lock that serializes migrations across processes. */
const PG_MIGRATION_LOCK = 0x59_41_52_44;

/**
 * Brings the schema up to the newest version; a failed migration leaves the store as it was. The
 * whole migration, including the creation of the migration tables, runs under a lock that holds
 * across processes (SQLite: one IMMEDIATE transaction, the store's write lock; PostgreSQL: an
 * advisory lock taken first in the transaction), so N processes opening a new store at once all
 * succeed: the first migrates, the others find the work done.
 */
export async function migrate(db: Kysely<Database>): Promise<void> {
  if (await upToDate(db)) return;
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    // Kysely runs SQLite migrations outside a transaction; its single connection lets one raw
    // transaction span them all.
    await sql`begin immediate`.execute(db);
    try {
      check(
        await new Migrator({ db, provider: migrationProvider, disableTransactions: true }).migrateToLatest(),
      );
      await sql`commit`.execute(db);
    } catch (err) {
      await sql`rollback`.execute(db);
      throw err;
    }
    return;
  }
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${PG_MIGRATION_LOCK})`.execute(trx);
    check(await new Migrator({ db: trx, provider: migrationProvider }).migrateToLatest());
  });
}
