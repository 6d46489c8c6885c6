import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** node:sqlite binds neither booleans nor undefined; everything else passes through. */
function bindable(params: readonly unknown[]): SQLInputValue[] {
  return params.map((p) => {
    if (p === undefined) return null;
    if (typeof p === 'boolean') return p ? 1 : 0;
    return p as SQLInputValue;
  });
}

/** Kysely's SqliteDialect speaks the better-sqlite3 interface; this adapts node:sqlite to it. */
export function nodeSqliteDatabase(file: string): { kysely: SqliteDatabase; raw: DatabaseSync } {
  const raw = new DatabaseSync(file);
  raw.exec('PRAGMA journal_mode = WAL');
  raw.exec('PRAGMA synchronous = NORMAL');
  raw.exec('PRAGMA foreign_keys = ON');
  raw.exec('PRAGMA busy_timeout = 5000');
  // A small page cache: long evaluation runs write steadily, and a larger cache only grows the process.
  raw.exec('PRAGMA cache_size = -65536');
  raw.exec('PRAGMA temp_store = MEMORY');
  const cache = new Map<string, StatementSync>();
  const prepare = (text: string): StatementSync => {
    let stmt = cache.get(text);
    if (!stmt) {
      stmt = raw.prepare(text);
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
        all: (params) => stmt.all(...bindable(params)),
        run: (params) => {
          const r = stmt.run(...bindable(params));
          return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
        },
        iterate: (params) => stmt.iterate(...bindable(params)) as IterableIterator<unknown>,
      };
    },
  };
  return { kysely, raw };
}
