import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../../../src/adapters/store/sqlite/open-sqlite-store.ts';
import { UserError } from '../../../src/core/errors/user-error.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-sqlite-conc-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const CHILD = fileURLToPath(new URL('../../helpers/open-store-child.ts', import.meta.url));

/** Starts a process that opens the store and records one run; resolves with its exit status and stderr. */
function child(file: string, runId: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CHILD, file, runId], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    p.on('close', (status) => resolve({ status, stderr }));
  });
}

function runIds(file: string): string[] {
  const db = new DatabaseSync(file, { readOnly: true });
  const ids = (db.prepare('select id from runs order by id').all() as { id: string }[]).map((r) => r.id);
  db.close();
  return ids;
}

const ROUNDS = Number(process.env.YARDSTICK_TEST_OPEN_ROUNDS ?? 3);

test(`4 processes opening the same new store at once all succeed (${ROUNDS} rounds)`, async () => {
  for (let round = 0; round < ROUNDS; round++) {
    const file = join(dir, `new-${round}.db`);
    const ids = ['a', 'b', 'c', 'd'];
    const outcomes = await Promise.all(ids.map((id) => child(file, id)));
    for (const o of outcomes) assert.equal(o.status, 0, `round ${round}: ${o.stderr}`);
    assert.deepEqual(runIds(file), ids, `round ${round}: every process recorded its run`);
  }
});

test('a writer waits for another process that holds the write lock longer than the busy timeout', async () => {
  const file = join(dir, 'held.db');
  await (await openSqliteStore(file)).close();
  const holder = new DatabaseSync(file);
  holder.exec('begin immediate');
  holder.exec("insert into kysely_migration_lock (id, is_locked) values ('held-by-test', 0)");
  const waiting = child(file, 'late');
  // Longer than BUSY_TIMEOUT_MS: a writer that gave up after one busy timeout would fail here.
  await new Promise((r) => setTimeout(r, 6500));
  holder.exec('commit');
  holder.close();
  const o = await waiting;
  assert.equal(o.status, 0, o.stderr);
  assert.deepEqual(runIds(file), ['late']);
});

test('a file that is not a SQLite database is refused and left byte for byte as it was', async () => {
  const file = join(dir, 'notes.db');
  const bytes = 'these are my notes, not a database\n'.repeat(200);
  writeFileSync(file, bytes);
  await assert.rejects(openSqliteStore(file), (e: Error) => {
    assert.ok(e instanceof UserError);
    assert.match(e.message, /not a Yardstick store \(not a SQLite database\)/);
    return true;
  });
  assert.equal(readFileSync(file, 'utf8'), bytes);
  assert.equal(existsSync(`${file}-wal`), false);
});

test("another application's SQLite database is refused and left byte for byte as it was", async () => {
  const file = join(dir, 'other-app.db');
  const other = new DatabaseSync(file);
  other.exec("create table contacts (name text); insert into contacts values ('Ada');");
  other.close();
  const before = readFileSync(file);
  await assert.rejects(openSqliteStore(file), /not a Yardstick store \(its tables are contacts\)/);
  assert.deepEqual(readFileSync(file), before);
  assert.equal(existsSync(`${file}-wal`), false, 'no WAL file was created next to it');
  const reopened = new DatabaseSync(file);
  assert.equal(
    (reopened.prepare('pragma journal_mode').get() as { journal_mode: string }).journal_mode,
    'delete',
  );
  reopened.close();
});

test('an empty file is taken as a new store', async () => {
  const file = join(dir, 'empty.db');
  writeFileSync(file, '');
  const store = await openSqliteStore(file);
  assert.deepEqual(await store.runs(), []);
  await store.close();
});
