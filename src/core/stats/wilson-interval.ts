import { normalQuantile } from './normal.ts';

export interface Interval {
  low: number;
  high: number;
  level: number;
}

/**
 * Wilson score interval for a proportion: `successes` out of `n`, as fractions in [0, 1].
 * Unlike the normal interval it stays inside [0, 1] and behaves at small n and at 0 or n successes.
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): Interval & { center: number } {
  if (!(n > 0)) throw new RangeError('wilsonInterval needs n > 0');
  if (successes < 0 || successes > n) throw new RangeError('successes must be between 0 and n');
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  const low = successes === 0 ? 0 : Math.max(0, center - half);
  const high = successes === n ? 1 : Math.min(1, center + half);
  return { low, high, center, level };
}
