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

// How to undo each migration, and a query that finds what it made: the newest one is undone below.
const UNDO: Record<string, { undo: string; made: string }> = {
  '0002-response-cache': {
    undo: 'drop table responses',
    made: "select name from sqlite_master where type = 'table' and name = 'responses'",
  },
  '0012-sample-scoring': {
    undo: 'alter table samples drop column scoring',
    made: "select name from pragma_table_info('samples') where name = 'scoring'",
  },
  '0014-run-lifecycle': {
    undo: `drop index runs_status; ${['reason', 'owner', 'heartbeat_at', 'done', 'total', 'errors', 'cached'].map((c) => `alter table runs drop column ${c}`).join('; ')}`,
    made: "select name from pragma_table_info('runs') where name = 'heartbeat_at'",
  },
  '0015-sample-finish-reason': {
    undo: 'alter table samples drop column finish_reason; alter table samples drop column reasoning_tokens',
    made: "select name from pragma_table_info('samples') where name in ('finish_reason', 'reasoning_tokens') limit 1",
  },
  '0016-sample-target-and-tags': {
    undo: 'alter table samples drop column target; alter table samples drop column tags',
    made: "select name from pragma_table_info('samples') where name in ('target', 'tags')",
  },
  '0018-endpoint-budgets': {
    undo: 'drop table endpoint_requests; drop table endpoint_budgets',
    made: "select name from sqlite_master where type = 'table' and name like 'endpoint_%'",
  },
};

test('reopening an up-to-date store records no migration again; a store missing one is brought up to date', async () => {
  const file = join(dir, 'migrated.db');
  const first = await openSqliteStore(file);
  await first.close();
  const raw = new DatabaseSync(file);
  const names = raw.prepare('select name from kysely_migration order by name').all() as { name: string }[];
  const newest = names.at(-1)!.name;
  const undo = UNDO[newest];
  assert.ok(undo, `add how to undo migration ${newest} to UNDO in this test`);
  const made = raw.prepare(undo.made).all().length;
  assert.ok(made > 0);
  raw.exec(`delete from kysely_migration where name = '${newest}'; ${undo.undo};`);
  assert.equal(raw.prepare(undo.made).all().length, 0);
  raw.close();
  const second = await openSqliteStore(file);
  await second.close();
  const check = new DatabaseSync(file);
  const after2 = check.prepare('select name from kysely_migration order by name').all() as { name: string }[];
  const again = check.prepare(undo.made).all().length;
  check.close();
  assert.deepEqual(
    after2.map((r) => r.name),
    names.map((r) => r.name),
  );
  assert.equal(again, made, 'what the missing migration made is made again');
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
