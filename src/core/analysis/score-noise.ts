import { binomialStandardError } from '../stats/standard-error.ts';
import { minimumDetectableEffect, noiseBand } from '../stats/minimum-detectable-effect.ts';
import type { Benchmark, Result } from '../schema/index.ts';

export interface GapNoise {
  /** Items the benchmark has. */
  items: number;
  /** Half-width of the 95% band for the gap between two independent scores near these values. */
  band: number;
  within: boolean;
}

function scaleOf(unit: Result['unit']): number | null {
  if (unit === '%') return 100;
  if (unit === 'fraction') return 1;
  return null;
}

/**
 * Whether the gap between two scores on the same benchmark is within binomial sampling noise,
 * treating each score as a proportion of the benchmark's items. Null when the item count or a
 * proportion scale is unknown (then nothing can be said about noise).
 */
export function gapNoise(benchmark: Benchmark, a: Result, b: Result): GapNoise | null {
  const n = benchmark.itemCount;
  const scale = scaleOf(a.unit);
  if (!n || scale === null || a.unit !== b.unit) return null;
  const band = noiseBand(n, (a.value + b.value) / 2, scale);
  return { items: n, band, within: Math.abs(a.value - b.value) < band };
}

/** Standard error of one score from its stated stderr, or from the item count as a proportion. */
export function scoreStandardError(benchmark: Benchmark, r: Result): number | null {
  if (r.stderr !== null) return r.stderr;
  const scale = scaleOf(r.unit);
  if (!benchmark.itemCount || scale === null || r.baseline !== null) return null;
  return binomialStandardError(r.value, benchmark.itemCount, scale);
}

/**
 * The smallest Δ (difference between two conditions) distinguishable from noise on n items, at the
 * worst case p = 0.5 and treating the two conditions as independent, i.e. an upper bound: pairing on
 * the same items can only shrink it.
 */
export function deltaNoiseBand(benchmark: Benchmark, unit: Result['unit']): number | null {
  const scale = unit === 'pp' || unit === '%' ? 100 : unit === 'fraction' ? 1 : null;
  if (!benchmark.itemCount || scale === null) return null;
  return noiseBand(benchmark.itemCount, scale / 2, scale);
}

/** Minimum detectable effect (80% power, alpha 0.05) for a benchmark near `score`. */
export function benchmarkMde(benchmark: Benchmark, score: number, unit: Result['unit']): number | null {
  const scale = scaleOf(unit);
  if (!benchmark.itemCount || scale === null) return null;
  return minimumDetectableEffect(benchmark.itemCount, score, { scale });
}
