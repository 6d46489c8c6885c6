import { mean } from './describe-sample.ts';

/** Central-limit standard error of a mean: sample SD / sqrt(n). NaN for fewer than two values. */
export function cltStandardError(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  const m = mean(values);
  let ss = 0;
  for (const x of values) ss += (x - m) ** 2;
  return Math.sqrt(ss / (n - 1) / n);
}

/**
 * Cluster-robust standard error of a mean, for samples that come in clusters (several samples of the
 * same item, or items sharing a passage): SE = sqrt(C/(C-1) * sum_c (sum_{i in c} (x_i - mean))^2) / n.
 * With one value per cluster it equals the CLT standard error.
 */
export function clusteredStandardError(values: readonly number[], clusters: readonly string[]): number {
  if (values.length !== clusters.length) throw new RangeError('values and clusters differ in length');
  const n = values.length;
  const m = mean(values);
  const sums = new Map<string, number>();
  values.forEach((x, i) => {
    const c = clusters[i]!;
    sums.set(c, (sums.get(c) ?? 0) + (x - m));
  });
  const C = sums.size;
  if (C < 2) return Number.NaN;
  let ss = 0;
  for (const s of sums.values()) ss += s * s;
  return Math.sqrt((C / (C - 1)) * ss) / n;
}

/**
 * Binomial standard error of a score on a benchmark of n items, in the score's own unit
 * (`scale` 100 for %, 1 for fractions). It assumes one independent draw per item.
 */
export function binomialStandardError(score: number, n: number, scale = 100): number {
  const p = Math.min(1, Math.max(0, score / scale));
  return scale * Math.sqrt((p * (1 - p)) / n);
}
