import { normalQuantile } from './normal.ts';

export interface MdeOptions {
  /** Two-sided significance level. */
  alpha?: number;
  power?: number;
  /** Score scale: 100 for %, 1 for fractions. */
  scale?: number;
}

/**
 * Minimum detectable difference between two independent scores on a benchmark of n items, each near
 * `score`: (z_{1-alpha/2} + z_{power}) * sqrt(2 p (1 - p) / n), in the score's unit. At p = 0.5 it is
 * the worst case. Pairing on the same items can only make the real figure smaller.
 */
export function minimumDetectableEffect(n: number, score: number, options: MdeOptions = {}): number {
  const { alpha = 0.05, power = 0.8, scale = 100 } = options;
  if (!(n > 0)) throw new RangeError('minimumDetectableEffect needs n > 0');
  const p = Math.min(1, Math.max(0, score / scale));
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  return scale * z * Math.sqrt((2 * p * (1 - p)) / n);
}

/**
 * Half-width of the 95% band within which two independent scores on n items near `score` are
 * indistinguishable: 1.96 * sqrt(2 p (1 - p) / n). A gap smaller than this is within noise.
 */
export function noiseBand(n: number, score: number, scale = 100, level = 0.95): number {
  const p = Math.min(1, Math.max(0, score / scale));
  return scale * normalQuantile(1 - (1 - level) / 2) * Math.sqrt((2 * p * (1 - p)) / n);
}
