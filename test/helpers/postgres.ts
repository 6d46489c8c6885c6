import pg from 'pg';

/**
 * Where the PostgreSQL tests run: $YARDSTICK_TEST_PG (a server URL whose user may create databases).
 * .ci/run starts a cluster and sets it. Without it the tests are skipped with a visible reason;
 * with it set, an unreachable server fails the tests rather than skipping them.
 */
export const PG_URL = process.env.YARDSTICK_TEST_PG ?? '';
export const pgSkip: string | false = PG_URL
  ? false
  : 'YARDSTICK_TEST_PG is not set: PostgreSQL tests skipped (.ci/run sets it)';

/** Creates an empty database for one test file and returns its URL and a function that drops it. */
export async function freshPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ys_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
