import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { BUSY_TIMEOUT_MS, patiently } from './patiently.ts';

/** node:sqlite binds neither booleans nor undefined; everything else passes through. */
function bindable(params: readonly unknown[]): SQLInputValue[] {
  return params.map((p) => {
    if (p === undefined) return null;
    if (typeof p === 'boolean') return p ? 1 : 0;
    return p as SQLInputValue;
  });
}

/**
 * Kysely's SqliteDialect speaks the better-sqlite3 interface; this adapts node:sqlite to it. The busy
 * timeout is set as the file opens, before any statement touches it; every transaction begins
 * IMMEDIATE (it takes the write lock up front, so two processes never deadlock upgrading a read), and
 * statements outside a transaction wait and retry while another process holds the store.
 */
export function nodeSqliteDatabase(file: string): { kysely: SqliteDatabase; raw: DatabaseSync } {
  const raw = new DatabaseSync(file, { timeout: BUSY_TIMEOUT_MS });
  patiently(raw, () => raw.exec('PRAGMA journal_mode = WAL'));
  raw.exec('PRAGMA synchronous = NORMAL');
  raw.exec('PRAGMA foreign_keys = ON');
  // A small page cache: long evaluation runs write steadily, and a larger cache only grows the process.
  raw.exec('PRAGMA cache_size = -65536');
  raw.exec('PRAGMA temp_store = MEMORY');
  const cache = new Map<string, StatementSync>();
  const prepare = (sqlText: string): StatementSync => {
    const text = sqlText === 'begin' ? 'begin immediate' : sqlText;
    let stmt = cache.get(text);
    if (!stmt) {
      stmt = patiently(raw, () => raw.prepare(text));
      if (cache.size > 500) cache.clear();
      cache.set(text, stmt);
    }
    return stmt;
  };
  const kysely: SqliteDatabase = {
    close: () => raw.close(),
    prepare(text: string): SqliteStatement {
      const stmt = prepare(text);
      return {
        reader: stmt.columns().length > 0,
        all: (params) => patiently(raw, () => stmt.all(...bindable(params))),
        run: (params) => {
          const r = patiently(raw, () => stmt.run(...bindable(params)));
          return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
        },
        iterate: (params) => stmt.iterate(...bindable(params)) as IterableIterator<unknown>,
      };
    },
  };
  return { kysely, raw };
}
