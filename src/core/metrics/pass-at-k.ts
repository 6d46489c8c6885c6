import type { Metric } from '../task/task.ts';
import { groupByQuestion, metricFromQuestions } from './question-scores.ts';

/**
 * The unbiased pass@k estimator of Chen et al. (2021, "Codex"): with n samples of which c are
 * correct, 1 - C(n-c, k) / C(n, k), computed as a stable product.
 */
export function unbiasedPassAtK(n: number, c: number, k: number): number {
  if (k > n) throw new RangeError(`pass@${k} needs at least ${k} samples, got ${n}`);
  if (n - c < k) return 1;
  let prod = 1;
  for (let i = n - c + 1; i <= n; i++) prod *= 1 - k / i;
  return 1 - prod;
}

/** pass@k over questions; questions with fewer than k scored samples are left out (n reports how many count). */
export function passAtK(k: number): Metric {
  return (samples) => {
    const per: number[] = [];
    for (const g of groupByQuestion(samples).values()) {
      if (g.length < k) continue;
      const c = g.filter((s) => s.verdict === 'correct').length;
      per.push(unbiasedPassAtK(g.length, c, k));
    }
    return metricFromQuestions(`pass@${k}`, per, k);
  };
}
