import type { RunCounts, RunRecord, Store } from '../../adapters/store/store.ts';

export interface RunListing extends RunRecord {
  counts: RunCounts;
}

const none = (runId: string): RunCounts => ({
  runId,
  samples: 0,
  correct: 0,
  incorrect: 0,
  noAnswer: 0,
  error: 0,
  scored: 0,
  scoreSum: 0,
});

/** Every run (newest first) with its status and how many samples it has stored, by verdict. */
export async function listRuns(store: Store): Promise<RunListing[]> {
  const runs = await store.runs();
  const counts = new Map((await store.runCounts(runs.map((r) => r.spec.id))).map((c) => [c.runId, c]));
  return runs.reverse().map((r) => ({ ...r, counts: counts.get(r.spec.id) ?? none(r.spec.id) }));
}

export { none as noCounts };
