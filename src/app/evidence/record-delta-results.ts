import type { Store } from '../../adapters/store/store.ts';
import { compareRuns } from '../../core/compare/compare-runs.ts';
import { deltaPairs, deltaResult } from '../../core/compare/run-delta.ts';
import { type Result, resultKey } from '../../core/schema/index.ts';
import { loadRunSamples } from './load-run-samples.ts';

/**
 * Records the Δ results of one model on one benchmark from its paired runs: for each condition run
 * that names a baseline, condition minus baseline on the items both scored, with a paired interval.
 * A Δ of the same condition and baseline from older runs is replaced, so one Δ stands per pair.
 */
export async function recordDeltaResults(store: Store, model: string, benchmark: string): Promise<Result[]> {
  const runs = (await store.runs()).filter((r) => r.spec.model === model && r.spec.benchmark === benchmark);
  const pairs = deltaPairs(runs);
  if (!pairs.length) return [];
  const stored = await store.results({ models: [model], benchmarks: [benchmark] });
  const out: Result[] = [];
  for (const { run, baseline } of pairs) {
    const comparison = compareRuns(
      await loadRunSamples(store, baseline.id),
      await loadRunSamples(store, run.id),
    );
    if (!comparison.test) continue;
    const metric = stored.find((r) => r.runId === run.id && r.baseline === null)?.metric ?? 'accuracy';
    out.push(deltaResult(run, baseline, comparison.test, metric));
  }
  const keep = new Set(out.map(resultKey));
  const stale = stored.filter(
    (r) =>
      r.source === 'run' &&
      r.baseline !== null &&
      out.some((d) => d.condition === r.condition && d.baseline === r.baseline) &&
      !keep.has(resultKey(r)),
  );
  await store.deleteResults(stale.map(resultKey));
  if (out.length) await store.importBatch({ results: out });
  return out;
}
