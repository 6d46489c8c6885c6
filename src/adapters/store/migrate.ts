import { type Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
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

/** Brings the schema up to the newest version; a failed migration leaves the store as it was. */
export async function migrate(db: Kysely<Database>): Promise<void> {
  if (await upToDate(db)) return;
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const why = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`store migration ${failed?.migrationName ?? ''} failed: ${why}`);
  }
}
