import { Benchmark, ModelCard, Result, type RunSpec } from '../schema/index.ts';
import type { MetricValue } from '../task/task.ts';

/**
 * The result a finished run contributes to comparisons: its task's primary metric (the first one),
 * in percent, with n, k, standard error and 95% interval, under the run's condition, sourced to the run. Other metrics stay in
 * the run summary. Nothing when the primary metric has no value (no scored sample).
 */
export function runResults(spec: RunSpec, metrics: readonly MetricValue[]): Result[] {
  const m = metrics[0];
  if (!m || !Number.isFinite(m.value)) return [];
  const pct = (x: number | null) => (x === null ? null : x * 100);
  return [
    Result.parse({
      model: spec.model,
      benchmark: spec.benchmark,
      condition: spec.condition ?? undefined,
      metric: m.name,
      value: m.value * 100,
      unit: '%',
      n: m.n || null,
      k: m.k,
      stderr: pct(m.stderr),
      ciLow: pct(m.ciLow),
      ciHigh: pct(m.ciHigh),
      ciLevel: m.ciLow === null ? null : 0.95,
      source: 'run',
      runId: spec.id,
    }),
  ];
}

/** A placeholder card for a model evaluated before its card was imported; import one to replace it. */
export function placeholderModelCard(id: string): ModelCard {
  return ModelCard.parse({
    id,
    name: id,
    family: 'unknown',
    notes: 'Created by `yardstick eval`; import a model card to add its family and parameters.',
  });
}

/** A placeholder card for a task without a benchmark card (e.g. a user's YAML task). */
export function placeholderBenchmark(id: string, metric: string): Benchmark {
  const known = ['accuracy', 'pass@1', 'pass@k', 'maj@k', 'resolved-rate', 'exact-match', 'f1'] as const;
  return Benchmark.parse({
    id,
    name: id,
    domain: 'other',
    metric: (known as readonly string[]).includes(metric) ? metric : 'accuracy',
    notes: 'Created by `yardstick eval` for a task without a benchmark card.',
  });
}
