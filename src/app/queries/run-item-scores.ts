import type { Store } from '../../adapters/store/store.ts';
import { type ItemScores, itemScoresOf } from '../../core/analysis/paired-runs.ts';
import type { ResultView } from '../../core/query/result-view.ts';

/** Per-item scores of the measured runs behind these results, for paired tests between runs. */
export async function runItemScores(store: Store, views: readonly ResultView[]): Promise<ItemScores> {
  const out = new Map<string, Map<string, number>>();
  const runIds = new Set(
    views.flatMap((v) => (v.result.source === 'run' && v.result.runId ? [v.result.runId] : [])),
  );
  for (const runId of runIds) {
    const states = await store.sampleStates(runId);
    if (states.length) out.set(runId, itemScoresOf(states));
  }
  return out;
}
