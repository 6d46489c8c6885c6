import type { Command } from 'commander';
import { openStore, resolveStoreLocation } from '../adapters/store/open-store.ts';
import type { Store } from '../adapters/store/store.ts';
import { EXIT, UserError } from '../core/errors/user-error.ts';

/** Opens the store named by --store / $YARDSTICK_STORE / the default, runs fn, and closes it. */
export async function withStore<T>(cmd: Command, fn: (store: Store) => Promise<T>): Promise<T> {
  const location = resolveStoreLocation(cmd.optsWithGlobals().store as string | undefined);
  let store: Store;
  try {
    store = await openStore(location);
  } catch (err) {
    throw new UserError(`cannot open store: ${(err as Error).message}`, EXIT.storeUnavailable);
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
