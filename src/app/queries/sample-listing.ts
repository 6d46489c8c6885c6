import type { SamplePageQuery, SampleSummary, Store } from '../../adapters/store/store.ts';

export interface SampleListing {
  samples: SampleSummary[];
  /** The cursor of the next page ("item~index"), or null on the last page. */
  next: string | null;
}

/** A cursor names the last sample of a page: its item id and index. */
export function sampleCursor(s: { itemId: string; sampleIndex: number }): string {
  return `${s.sampleIndex}~${s.itemId}`;
}

export function parseSampleCursor(cursor: string): { itemId: string; sampleIndex: number } | null {
  const m = /^(\d+)~(.+)$/s.exec(cursor);
  return m ? { sampleIndex: Number(m[1]), itemId: m[2]! } : null;
}

/**
 * One page of a run's sample summaries (response cut to a preview), narrowed by verdict, text or
 * truncation, with the cursor of the page after it: what the dashboard's sample table lists.
 */
export async function sampleListing(
  store: Store,
  runId: string,
  query: SamplePageQuery,
): Promise<SampleListing> {
  const samples = await store.sampleSummaries(runId, { ...query, limit: query.limit + 1 });
  const more = samples.length > query.limit;
  if (more) samples.pop();
  return { samples, next: more ? sampleCursor(samples[samples.length - 1]!) : null };
}
