import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { migrate } from '../migrate.ts';
import { SqlStore } from '../sql-store.ts';
import type { Database } from '../tables.ts';
import { nodeSqliteDatabase } from './node-sqlite-database.ts';
import { refuseForeignFile } from './refuse-foreign-file.ts';
import { sqliteBulkSamples } from './sqlite-bulk-samples.ts';
import { sqliteItemScores } from './sqlite-item-scores.ts';

/**
 * Opens (creating if needed) a SQLite store file in WAL mode and migrates it. A file that is not a
 * Yardstick store is refused before anything is written to it.
 */
export async function openSqliteStore(file: string): Promise<SqlStore> {
  const path = file === ':memory:' ? file : resolve(file);
  if (path !== ':memory:') {
    refuseForeignFile(path);
    mkdirSync(dirname(path), { recursive: true });
  }
  const { kysely, raw } = nodeSqliteDatabase(path);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: kysely }) });
  await migrate(db);
  return new SqlStore(db, 'sqlite', path, sqliteBulkSamples(raw), sqliteItemScores(raw));
}
