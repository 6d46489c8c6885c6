import { noRunCounts, type RunCounts, type Store } from '../../adapters/store/store.ts';
import type { RunStatus } from '../../core/schema/index.ts';

/** A run in one of these states may still change. */
export const ACTIVE: ReadonlySet<RunStatus> = new Set<RunStatus>(['queued', 'running']);

export interface RunProgress {
  runId: string;
  status: RunStatus;
  counts: RunCounts;
}

/** Status and stored-sample counts of the runs named, or of every queued or running run when none is named. */
export async function runProgress(store: Store, runIds: string[] = []): Promise<RunProgress[]> {
  const runs = await store.runs();
  const chosen = runIds.length
    ? runs.filter((r) => runIds.includes(r.spec.id))
    : runs.filter((r) => ACTIVE.has(r.status));
  const counts = new Map((await store.runCounts(chosen.map((r) => r.spec.id))).map((c) => [c.runId, c]));
  return chosen.map((r) => ({
    runId: r.spec.id,
    status: r.status,
    counts: counts.get(r.spec.id) ?? noRunCounts(r.spec.id),
  }));
}
