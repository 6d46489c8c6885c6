import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, test } from 'node:test';
import { openSqliteStore } from '../../../src/adapters/store/sqlite/open-sqlite-store.ts';
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
};

test('reopening an up-to-date store records no migration again; a store missing one is brought up to date', async () => {
  const file = join(dir, 'migrated.db');
  const first = await openSqliteStore(file);
  await first.close();
  const raw = new DatabaseSync(file);
  const names = raw.prepare('select name from kysely_migration order by name').all() as { name: string }[];
  const newest = names.at(-1)!.name;
  const step = UNDO[newest];
  assert.ok(step, `UNDO lacks the newest migration ${newest}`);
  raw.exec(`delete from kysely_migration where name = '${newest}'; ${step.undo};`);
  assert.equal(raw.prepare(step.made).all().length, 0);
  raw.close();
  const second = await openSqliteStore(file);
  await second.close();
  const check = new DatabaseSync(file);
  const after2 = check.prepare('select name from kysely_migration order by name').all() as { name: string }[];
  const made = check.prepare(step.made).all();
  check.close();
  assert.deepEqual(
    after2.map((r) => r.name),
    names.map((r) => r.name),
  );
  assert.equal(made.length, 1, 'what the missing migration made is made again');
});
