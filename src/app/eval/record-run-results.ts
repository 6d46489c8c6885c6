import type { Store } from '../../adapters/store/store.ts';
import { placeholderBenchmark, placeholderModelCard, runResults } from '../../core/engine/run-results.ts';
import type { Result, RunSpec } from '../../core/schema/index.ts';
import type { MetricValue } from '../../core/task/task.ts';

/**
 * Records a run's result beside published ones, so `results`, `analyze` and charts show it.
 * Model and benchmark cards are created as marked placeholders only when none exist; existing
 * cards are never changed. Re-recording (after a resume or a rescore) replaces the run's result.
 */
export async function recordRunResults(
  store: Store,
  spec: RunSpec,
  metrics: readonly MetricValue[],
): Promise<Result[]> {
  const results = runResults(spec, metrics);
  if (!results.length) return results;
  const [models, benchmarks] = await Promise.all([store.models(), store.benchmarks()]);
  await store.importBatch({
    models: models.some((m) => m.id === spec.model) ? [] : [placeholderModelCard(spec.model)],
    benchmarks: benchmarks.some((b) => b.id === spec.benchmark)
      ? []
      : [placeholderBenchmark(spec.benchmark, results[0]!.metric)],
    results,
  });
  return results;
}
