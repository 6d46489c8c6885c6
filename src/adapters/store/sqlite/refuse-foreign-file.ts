import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { EXIT, UserError } from '../../../core/errors/user-error.ts';
import { BUSY_TIMEOUT_MS, patiently } from './patiently.ts';

const HEADER = 'SQLite format 3\0';

/** The first bytes of a file (fewer when it is shorter). */
function head(file: string, n: number): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0)).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/**
 * Throws when `file` exists and is not a Yardstick store: not a SQLite database, or a SQLite database
 * that holds tables but no migration table. It only reads (header bytes, then the schema through a
 * read-only connection), so a refused file is left exactly as it was. A missing or empty file is a new
 * store.
 */
export function refuseForeignFile(file: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return;
  }
  const refuse = (why: string) =>
    new UserError(`${file}: not a Yardstick store (${why}); it was left unchanged`, EXIT.storeUnavailable);
  if (size === 0) return;
  if (head(file, HEADER.length) !== HEADER) throw refuse('not a SQLite database');
  let tables: string[];
  const ro = new DatabaseSync(file, { readOnly: true, timeout: BUSY_TIMEOUT_MS });
  try {
    const rows = patiently(ro, () =>
      ro.prepare("select name from sqlite_master where type = 'table'").all(),
    ) as { name: string }[];
    tables = rows.map((r) => r.name);
  } catch (err) {
    throw refuse(`unreadable: ${(err as Error).message}`);
  } finally {
    ro.close();
  }
  if (tables.length > 0 && !tables.includes('kysely_migration'))
    throw refuse(`its tables are ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', ...' : ''}`);
}
