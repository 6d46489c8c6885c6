import type { Metric, MetricValue, ScoredSample } from '../task/task.ts';

export interface RunSummary {
  samples: number;
  scored: number;
  errors: number;
  metrics: MetricValue[];
}

/** Applies a task's metrics to the scored samples; error samples are counted but never scored. */
export function summarizeSamples(samples: ScoredSample[], metrics: Metric[]): RunSummary {
  const scored = samples.filter((s) => s.verdict !== 'error');
  const errors = samples.length - scored.length;
  return {
    samples: samples.length,
    scored: scored.length,
    errors,
    metrics: scored.length ? metrics.map((m) => m(scored)) : [],
  };
}
