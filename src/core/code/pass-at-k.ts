import type { Metric, MetricValue, ScoredSample } from '../task/task.ts';

/** The unbiased pass@k estimator for one problem with n samples of which c are correct. */
export function passAtK(n: number, c: number, k: number): number {
  if (n - c < k) return 1;
  let p = 1;
  for (let i = n - c + 1; i <= n; i++) p *= 1 - k / i;
  return 1 - p;
}

/**
 * pass@k in %, averaged over problems (each problem is the statistical unit). Error samples
 * (infrastructure failures) are left out; problems with fewer than k scored samples are skipped.
 */
export function passAtKMetric(k: number): Metric {
  return (samples: ScoredSample[]): MetricValue => {
    const per = new Map<string, { n: number; c: number }>();
    for (const s of samples) {
      if (s.verdict === 'error') continue;
      const e = per.get(s.itemId) ?? { n: 0, c: 0 };
      e.n++;
      if (s.verdict === 'correct') e.c++;
      per.set(s.itemId, e);
    }
    const vals = [...per.values()].filter((e) => e.n >= k).map((e) => passAtK(e.n, e.c, k));
    const n = vals.length;
    const mean = n ? vals.reduce((a, b) => a + b, 0) / n : 0;
    const sd = n > 1 ? Math.sqrt(vals.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : null;
    const stderr = sd === null ? null : (100 * sd) / Math.sqrt(n);
    return {
      name: `pass@${k}`,
      value: 100 * mean,
      stderr,
      ciLow: stderr === null ? null : 100 * mean - 1.96 * stderr,
      ciHigh: stderr === null ? null : 100 * mean + 1.96 * stderr,
      n,
      k,
    };
  };
}
