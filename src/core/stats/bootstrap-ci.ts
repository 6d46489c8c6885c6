import { quantile } from './describe-sample.ts';
import type { Interval } from './wilson-interval.ts';
import { randomIndex, seededRandom } from './seeded-random.ts';

export interface BootstrapOptions {
  iterations?: number;
  level?: number;
  seed?: number;
}

/**
 * Percentile bootstrap interval of `statistic` over `data`, resampling whole elements with
 * replacement. Deterministic for a given seed. Resamples whose statistic is not finite are skipped.
 */
export function bootstrapCi<T>(
  data: readonly T[],
  statistic: (sample: T[]) => number,
  options: BootstrapOptions = {},
): Interval & { estimate: number; iterations: number } {
  const { iterations = 2000, level = 0.95, seed = 1 } = options;
  if (data.length === 0) throw new RangeError('bootstrapCi needs data');
  const random = seededRandom(seed);
  const stats: number[] = [];
  const sample: T[] = new Array(data.length);
  for (let b = 0; b < iterations; b++) {
    for (let i = 0; i < data.length; i++) sample[i] = data[randomIndex(random, data.length)]!;
    const s = statistic(sample);
    if (Number.isFinite(s)) stats.push(s);
  }
  const alpha = (1 - level) / 2;
  return {
    estimate: statistic([...data]),
    low: stats.length ? quantile(stats, alpha) : Number.NaN,
    high: stats.length ? quantile(stats, 1 - alpha) : Number.NaN,
    level,
    iterations: stats.length,
  };
}
