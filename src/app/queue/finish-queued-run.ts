import type { Store } from '../../adapters/store/store.ts';
import { recordDeltaResults } from '../evidence/record-delta-results.ts';
import { summarizeRun } from '../eval/execute-run.ts';
import { recordRunResults } from '../eval/record-run-results.ts';
import type { RunCounts } from '../runs/run-lifecycle.ts';
import { queueLifecycle } from './queue-lifecycle.ts';
import type { RunResources } from './run-resources.ts';

/** A queued run's counts, from its stored samples (every worker's). */
export async function queuedRunCounts(store: Store, runId: string, total: number): Promise<RunCounts> {
  const [c] = await store.runCounts([runId]);
  return { done: c?.samples ?? 0, total, errors: c?.error ?? 0, cached: 0 };
}

/**
 * Finishes a queued run once all its samples are recorded: summary, result, `finished`. Any worker
 * may call it after committing a job; the lifecycle's compare-and-set lets exactly one of them move
 * the run (the result they record is the same). True when this call finished the run.
 */
export async function finishQueuedRun(store: Store, r: RunResources): Promise<boolean> {
  const counts = await queuedRunCounts(store, r.spec.id, r.total);
  if (counts.done < r.total) return false;
  const run = await store.run(r.spec.id);
  if (run?.status !== 'running') return false;
  const summary = await summarizeRun(store, r.spec.id, r.task);
  await recordRunResults(store, r.spec, summary.metrics);
  const won = await queueLifecycle(store, r.spec.id).finish(counts);
  if (won && r.spec.condition !== null) await recordDeltaResults(store, r.spec.model, r.spec.benchmark);
  return won;
}
