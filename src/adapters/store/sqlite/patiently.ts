import type { DatabaseSync } from 'node:sqlite';

/** How long SQLite itself waits on a lock held by another process before a statement reports busy. */
export const BUSY_TIMEOUT_MS = 5000;

/** How long a statement outside a transaction keeps retrying on a busy store before it fails. */
export const BUSY_PATIENCE_MS = 30 * 60_000;

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Whether an error is SQLite's SQLITE_BUSY (or one of its extended codes). */
export function isBusy(err: unknown): boolean {
  const code = (err as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' && (code & 0xff) === 5;
}

/**
 * Runs a statement, retrying while another process holds the store: SQLite waits BUSY_TIMEOUT_MS
 * per attempt, and a statement that starts no work inside an open transaction (an autocommit
 * statement or a `begin immediate`) is tried again until BUSY_PATIENCE_MS have passed. Inside a
 * transaction a busy error is passed on: the transaction is rolled back by its owner.
 */
export function patiently<T>(raw: DatabaseSync, run: () => T, patienceMs = BUSY_PATIENCE_MS): T {
  if (raw.isOpen && raw.isTransaction) return run();
  const deadline = Date.now() + patienceMs;
  for (;;) {
    try {
      return run();
    } catch (err) {
      if (!isBusy(err) || Date.now() >= deadline) throw err;
      Atomics.wait(pause, 0, 0, 20 + Math.floor(Math.random() * 30));
    }
  }
}
