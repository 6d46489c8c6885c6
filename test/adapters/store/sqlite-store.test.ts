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

// How to undo each migration, so the test can remove the newest one and watch it come back.
const UNDO: Record<string, string> = {
  '0002-response-cache': 'drop table responses',
  '0015-sample-finish-reason':
    'alter table samples drop column finish_reason; alter table samples drop column reasoning_tokens',
};

test('reopening an up-to-date store records no migration again; a store missing one is brought up to date', async () => {
  const file = join(dir, 'migrated.db');
  const first = await openSqliteStore(file);
  await first.close();
  const raw = new DatabaseSync(file);
  const names = raw.prepare('select name from kysely_migration order by name').all() as { name: string }[];
  const schema = () =>
    raw.prepare("select name, sql from sqlite_master where name not like 'kysely%' order by name").all();
  const original = schema();
  const newest = names.at(-1)!.name;
  assert.ok(UNDO[newest], `the test knows how to undo migration ${newest}`);
  raw.exec(`delete from kysely_migration where name = '${newest}'; ${UNDO[newest]};`);
  assert.notDeepEqual(schema(), original);
  raw.close();
  const second = await openSqliteStore(file);
  await second.close();
  const check = new DatabaseSync(file);
  const after2 = check.prepare('select name from kysely_migration order by name').all() as { name: string }[];
  const restored = check
    .prepare("select name, sql from sqlite_master where name not like 'kysely%' order by name")
    .all();
  check.close();
  assert.deepEqual(
    after2.map((r) => r.name),
    names.map((r) => r.name),
  );
  assert.deepEqual(restored, original, 'what the missing migration made is made again');
});
