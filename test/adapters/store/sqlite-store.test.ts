import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, test } from 'node:test';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider } from '../../../src/adapters/store/migrations.ts';
import { nodeSqliteDatabase } from '../../../src/adapters/store/sqlite/node-sqlite-database.ts';
import { openSqliteStore } from '../../../src/adapters/store/sqlite/open-sqlite-store.ts';
import type { Database } from '../../../src/adapters/store/tables.ts';
import { runSpec } from '../../helpers/fixtures.ts';
import { storeConformance } from './store-conformance.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));

storeConformance('SQLite file', () => openSqliteStore(join(dir, 'sub', 'store.db')));

test('reopening an up-to-date store records no migration again', async () => {
  const file = join(dir, 'migrated.db');
  await (await openSqliteStore(file)).close();
  const names = () => {
    const raw = new DatabaseSync(file);
    const rows = raw.prepare('select name from kysely_migration order by name').all() as { name: string }[];
    raw.close();
    return rows.map((r) => r.name);
  };
  const before = names();
  await (await openSqliteStore(file)).close();
  assert.deepEqual(names(), before);
});

test('a store made before the run lifecycle is brought up to date and keeps its runs, counts taken from their samples', async () => {
  const file = join(dir, 'old.db');
  const { kysely } = nodeSqliteDatabase(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: kysely }) });
  const migrator = new Migrator({ db, provider: migrationProvider });
  const r = await migrator.migrateTo('0002-response-cache');
  assert.equal(r.error, undefined);
  const spec = runSpec({ id: 'old-run' });
  await sql`insert into runs (id, model_id, benchmark_id, spec, status, created_at, finished_at)
    values ('old-run', ${spec.model}, ${spec.benchmark}, ${JSON.stringify(spec)}, 'finished', ${spec.createdAt}, ${spec.createdAt})`.execute(
    db,
  );
  for (const [item, verdict] of [
    ['a', 'correct'],
    ['b', 'error'],
    ['c', 'incorrect'],
  ] as const)
    await sql`insert into samples (run_id, item_id, sample_index, messages, verdict, score, created_at)
      values ('old-run', ${item}, 0, '[]', ${verdict}, ${verdict === 'error' ? null : verdict === 'correct' ? 1 : 0}, ${spec.createdAt})`.execute(
      db,
    );
  await db.destroy();
  const store = await openSqliteStore(file);
  const run = await store.run('old-run');
  await store.close();
  assert.deepEqual(run?.spec, spec);
  assert.equal(run?.status, 'finished');
  assert.deepEqual(run?.progress, {
    owner: null,
    heartbeatAt: null,
    done: 3,
    total: 3,
    errors: 1,
    cached: 0,
  });
});
