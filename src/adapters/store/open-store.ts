import type { Store } from './store.ts';

import { loadSettings } from '../settings/settings.ts';

export { DEFAULT_STORE } from '../settings/settings.ts';
export const STORE_ENV = 'YARDSTICK_STORE';

/** Which store to use: the flag, else $YARDSTICK_STORE, else ./.yardstick/yardstick.db. */
export function resolveStoreLocation(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return loadSettings({ store: flag }, env).store;
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
