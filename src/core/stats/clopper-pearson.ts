import { incompleteBeta } from './student-t.ts';
import type { Interval } from './wilson-interval.ts';

/** The p in [0, 1] where the increasing function f crosses `target`, by bisection. */
function solve(f: (p: number) => number, target: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Clopper-Pearson ("exact") interval for a binomial proportion of x successes in n trials: the p whose
 * tails put x at the edge of each side's (1 - level) / 2. It excludes a value p0 exactly when the
 * two-sided binomial test that doubles the smaller tail rejects p0 at 1 - level.
 */
export function clopperPearson(x: number, n: number, level = 0.95): Interval {
  if (!Number.isInteger(x) || !Number.isInteger(n) || n < 1 || x < 0 || x > n)
    throw new RangeError('clopperPearson needs 0 <= x <= n, n >= 1, whole numbers');
  const alpha = (1 - level) / 2;
  // P(X >= x | p) = I_p(x, n - x + 1) rises with p; P(X <= x | p) = 1 - I_p(x + 1, n - x) falls.
  const low = x === 0 ? 0 : solve((p) => incompleteBeta(p, x, n - x + 1), alpha);
  const high = x === n ? 1 : solve((p) => incompleteBeta(p, x + 1, n - x), 1 - alpha);
  return { low, high, level };
}
