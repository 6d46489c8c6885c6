import type { SampleRecord } from '../../core/schema/index.ts';
import { sampleFromRow, sampleStateFromRow } from './row-codec.ts';
import { afterSample, chunks, type Db, type SampleKey } from './sql-helpers.ts';
import type { SampleState } from './store.ts';
import type { SamplesTable } from './tables.ts';

/** A run's sample states (what resume, summaries and rescoring need), read a page at a time. */
export async function sampleStates(db: Db, runId: string): Promise<SampleState[]> {
  // Paged by key, so a run of any size is read without one huge result set in memory.
  const out: SampleState[] = [];
  for await (const rows of samplePages(db, runId, 5000, [
    'item_id',
    'sample_index',
    'verdict',
    'score',
    'extracted',
  ]))
    for (const row of rows) out.push(sampleStateFromRow(row));
  return out;
}

/** The states of a run's samples of the given items (a queue job's shard). */
export async function sampleStatesOf(db: Db, runId: string, itemIds: string[]): Promise<SampleState[]> {
  const out: SampleState[] = [];
  for (const part of chunks([...new Set(itemIds)], 1)) {
    if (part.length === 0) continue;
    const rows = await db
      .selectFrom('samples')
      .select(['item_id', 'sample_index', 'verdict', 'score', 'extracted'])
      .where('run_id', '=', runId)
      .where('item_id', 'in', part)
      .orderBy('item_id')
      .orderBy('sample_index')
      .execute();
    for (const row of rows) out.push(sampleStateFromRow(row as SamplesTable));
  }
  return out;
}

/** A run's samples in (item, index) order. */
export async function* samples(db: Db, runId: string): AsyncIterable<SampleRecord> {
  for await (const rows of samplePages(db, runId, 1000, null))
    for (const row of rows) yield sampleFromRow(row);
}

/** One run's sample rows in (item, index) order, a page at a time, by keyset (never OFFSET). */
async function* samplePages<C extends keyof SamplesTable>(
  db: Db,
  runId: string,
  page: number,
  columns: C[] | null,
): AsyncIterable<SamplesTable[]> {
  let after: SampleKey | null = null;
  for (;;) {
    const a = after;
    const q = db
      .selectFrom('samples')
      .where('run_id', '=', runId)
      .$if(a !== null, (qb) => qb.where((eb) => afterSample(eb, a!)))
      .orderBy('item_id')
      .orderBy('sample_index')
      .limit(page);
    const rows = (
      columns ? await q.select(columns).execute() : await q.selectAll().execute()
    ) as SamplesTable[];
    if (rows.length) yield rows;
    if (rows.length < page) return;
    const last = rows[rows.length - 1]!;
    after = { itemId: last.item_id, sampleIndex: Number(last.sample_index) };
  }
}
