import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrate } from '../migrate.ts';
import { SqlStore } from '../sql-store.ts';
import type { Database } from '../tables.ts';

/** The URL with its password replaced, for messages and listings. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

/** Connects to PostgreSQL, checks the connection, and migrates the schema. */
export async function openPostgresStore(url: string, options: { poolSize?: number } = {}): Promise<SqlStore> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(
      `cannot connect to PostgreSQL at ${redactUrl(url)}: ${why.replaceAll(url, redactUrl(url))}`,
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrate(db);
  return new SqlStore(db, 'postgres', redactUrl(url));
}
