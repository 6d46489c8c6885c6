import type { Store } from '../../adapters/store/store.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { type SampleFilterInput, sampleMatcher } from '../../core/samples/sample-filter.ts';
import type { RunRecord, SampleRecord } from '../../core/schema/index.ts';
import { requireRun } from './load-run-samples.ts';

export interface ShownRun {
  run: RunRecord;
  /** The samples that match, in item and index order, at most `limit` of them. */
  samples: SampleRecord[];
  /** How many samples match in all. */
  matched: number;
  total: number;
}

/** A run's samples that match a filter (an item, a verdict, errors, truncated ones). */
export async function showRun(
  store: Store,
  runId: string,
  filter: SampleFilterInput,
  limit = Number.POSITIVE_INFINITY,
): Promise<ShownRun> {
  const run = await requireRun(store, runId);
  const match = sampleMatcher(filter, run.spec);
  const samples: SampleRecord[] = [];
  let matched = 0;
  let total = 0;
  for await (const s of store.samples(runId)) {
    total++;
    if (!match(s)) continue;
    matched++;
    if (samples.length < limit) samples.push(s);
  }
  if (filter.item && matched === 0)
    throw new UserError(`run ${runId} has no sample of item "${filter.item}"`, EXIT.notFound);
  return { run, samples, matched, total };
}
