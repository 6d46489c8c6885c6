import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { Database } from './tables.ts';

/** The store's connection, or a transaction on it. */
export type Db = Kysely<Database> | Transaction<Database>;

/** Characters of the response a sample listing shows. */
export const PREVIEW_CHARS = 160;

/** Bound parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535. */
export const MAX_PARAMS = 30_000;

/** Rows in parts small enough for one statement's bound parameters. */
export function chunks<T>(rows: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, columns)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export type SampleKey = { itemId: string; sampleIndex: number };

/** Samples after this key in (item, index) order: the keyset condition of every sample page. */
export function afterSample(eb: ExpressionBuilder<Database, 'samples'>, a: SampleKey) {
  return eb.or([
    eb('item_id', '>', a.itemId),
    eb.and([eb('item_id', '=', a.itemId), eb('sample_index', '>', a.sampleIndex)]),
  ]);
}
