import { mean } from './describe-sample.ts';
import { twoSidedP } from './normal.ts';
import { cltStandardError } from './standard-error.ts';

export interface PairedDifference {
  n: number;
  /** mean(b - a) */
  difference: number;
  se: number;
  z: number;
  p: number;
  low: number;
  high: number;
}

/**
 * Paired difference of two conditions scored on the same items: the mean of b - a, its standard
 * error from the per-item differences, a two-sided z test and a 95% interval. Pairing removes the
 * between-item variance, so it detects far smaller effects than comparing two independent scores.
 */
export function pairedDifference(a: readonly number[], b: readonly number[]): PairedDifference {
  if (a.length !== b.length) throw new RangeError('paired samples must have the same length');
  if (a.length < 2) throw new RangeError('a paired difference needs at least two pairs');
  const d = a.map((x, i) => b[i]! - x);
  const difference = mean(d);
  const se = cltStandardError(d);
  const z =
    se > 0 ? difference / se : difference === 0 ? 0 : Math.sign(difference) * Number.POSITIVE_INFINITY;
  return {
    n: d.length,
    difference,
    se,
    z,
    p: twoSidedP(z),
    low: difference - 1.96 * se,
    high: difference + 1.96 * se,
  };
}
