import type { Store } from '../app/queries/store-type.ts';

/** What every route module is built from. */
export interface ServerDeps {
  store: Store;
  /** Milliseconds between two looks at the store for progress (at most 4 events a second: >= 250). */
  progressIntervalMs: number;
}
