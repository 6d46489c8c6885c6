import { noRunCounts, type RunCounts, type RunRecord, type Store } from '../../adapters/store/store.ts';
import { DEFAULTS } from '../../core/settings/defaults.ts';
import { observedStatus } from '../runs/run-lifecycle.ts';

export interface RunListing extends RunRecord {
  counts: RunCounts;
}

/**
 * Every run (newest first) with its status as other processes should see it (a run whose owner died
 * shows `interrupted`, as in `yardstick runs`) and how many samples it has stored, by verdict.
 */
export async function listRuns(store: Store, nowMs: number = Date.now()): Promise<RunListing[]> {
  const runs = await store.runs();
  const counts = new Map((await store.runCounts(runs.map((r) => r.spec.id))).map((c) => [c.runId, c]));
  return runs.reverse().map((r) => ({
    ...r,
    status: observedStatus(r, nowMs, DEFAULTS.staleMs),
    counts: counts.get(r.spec.id) ?? noRunCounts(r.spec.id),
  }));
}
