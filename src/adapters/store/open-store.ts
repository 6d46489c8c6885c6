import type { Store } from './store.ts';

export const DEFAULT_STORE = './.yardstick/yardstick.db';
export const STORE_ENV = 'YARDSTICK_STORE';

/** Which store to use: the flag, else $YARDSTICK_STORE, else ./.yardstick/yardstick.db. */
export function resolveStoreLocation(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env[STORE_ENV] || DEFAULT_STORE;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/** Opens a PostgreSQL store for postgres:// URLs and a SQLite file otherwise. Drivers load on demand. */
export async function openStore(location: string): Promise<Store> {
  if (isPostgresUrl(location)) {
    const { openPostgresStore } = await import('./postgres/open-postgres-store.ts');
    return openPostgresStore(location);
  }
  const { openSqliteStore } = await import('./sqlite/open-sqlite-store.ts');
  return openSqliteStore(location.replace(/^sqlite:(\/\/)?/, ''));
}
