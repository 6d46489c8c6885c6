import { noRunCounts, type RunCounts, type RunRecord, type Store } from '../../adapters/store/store.ts';

export interface RunListing extends RunRecord {
  counts: RunCounts;
}

/** Every run (newest first) with its status and how many samples it has stored, by verdict. */
export async function listRuns(store: Store): Promise<RunListing[]> {
  const runs = await store.runs();
  const counts = new Map((await store.runCounts(runs.map((r) => r.spec.id))).map((c) => [c.runId, c]));
  return runs.reverse().map((r) => ({ ...r, counts: counts.get(r.spec.id) ?? noRunCounts(r.spec.id) }));
}
