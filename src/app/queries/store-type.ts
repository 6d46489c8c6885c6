/** The store, as the server sees it: only through the app layer. */
export type { Store } from '../../adapters/store/store.ts';
