import type { Metric, MetricValue, ScoredSample } from '../task/task.ts';

export interface RunSummary {
  samples: number;
  scored: number;
  errors: number;
  metrics: MetricValue[];
}

/** A stored sample (or its state) as metrics see it. */
export function asScoredSample(s: {
  itemId: string;
  sampleIndex: number;
  verdict: ScoredSample['verdict'];
  score: number | null;
  extracted: string | null;
}): ScoredSample {
  return {
    itemId: s.itemId,
    sampleIndex: s.sampleIndex,
    verdict: s.verdict,
    value: s.score,
    extracted: s.extracted,
  };
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
