import type { RunRecord, Store } from '../../adapters/store/store.ts';
import type { RunProgress } from '../../core/runs/run-lifecycle.ts';
import { DEFAULTS } from '../../core/settings/defaults.ts';
import type { RunSpec, RunStatus } from '../../core/schema/index.ts';
import { markInterrupted, observedStatus } from '../runs/run-lifecycle.ts';

/** A run as `runs`, `runs --watch`, `runs --json` and the dashboard show it. */
export interface RunView {
  spec: RunSpec;
  /** As other processes should see it: a run whose owner died shows `interrupted`. */
  status: RunStatus;
  reason: string | null;
  finishedAt: string | null;
  progress: RunProgress;
  /** Mean score of the samples scored so far, in [0, 1]; null before any. */
  scoreSoFar: number | null;
  /** Scored samples behind scoreSoFar. */
  scored: number;
}

/**
 * Every run (or the ones named), oldest first, with its live progress and score so far. A run whose
 * owner died is recorded `interrupted` on the way (only if nobody moved it meanwhile).
 */
export async function runViews(
  store: Store,
  o: { ids?: string[]; nowMs?: number; staleMs?: number } = {},
): Promise<RunView[]> {
  let runs: RunRecord[];
  if (o.ids?.length) {
    runs = [];
    for (const id of o.ids) {
      const r = await store.run(id);
      if (r) runs.push(r);
    }
  } else runs = await store.runs();
  const counts = new Map((await store.runCounts(runs.map((r) => r.spec.id))).map((c) => [c.runId, c]));
  const now = o.nowMs ?? Date.now();
  const out: RunView[] = [];
  for (const run of runs) {
    const status = observedStatus(run, now, o.staleMs ?? DEFAULTS.staleMs);
    if (status !== run.status && run.status === 'running') await markInterrupted(store, run);
    const c = counts.get(run.spec.id);
    out.push({
      spec: run.spec,
      status,
      reason: run.reason,
      finishedAt: run.finishedAt,
      progress: run.progress,
      scoreSoFar: c?.scored ? c.scoreSum / c.scored : null,
      scored: c ? c.samples - c.error : 0,
    });
  }
  return out;
}
