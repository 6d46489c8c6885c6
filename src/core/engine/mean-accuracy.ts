import type { MetricValue, ScoredSample } from '../task/task.ts';

/**
 * Accuracy with the question as the statistical unit: each item's samples are averaged first, then
 * items are averaged; stderr is the standard error of the per-item means.
 */
export function meanAccuracy(samples: ScoredSample[]): MetricValue {
  const perItem = new Map<string, { sum: number; n: number }>();
  for (const s of samples) {
    if (s.verdict === 'error' || s.value === null) continue;
    const e = perItem.get(s.itemId) ?? { sum: 0, n: 0 };
    e.sum += s.value;
    e.n++;
    perItem.set(s.itemId, e);
  }
  const means = [...perItem.values()].map((e) => e.sum / e.n);
  const n = means.length;
  const value = n ? means.reduce((a, b) => a + b, 0) / n : 0;
  const variance = n > 1 ? means.reduce((a, m) => a + (m - value) ** 2, 0) / (n - 1) : 0;
  const stderr = n > 1 ? Math.sqrt(variance / n) : null;
  const k = n ? Math.max(...[...perItem.values()].map((e) => e.n)) : null;
  return {
    name: 'accuracy',
    value,
    stderr,
    ciLow: stderr === null ? null : Math.max(0, value - 1.96 * stderr),
    ciHigh: stderr === null ? null : Math.min(1, value + 1.96 * stderr),
    n,
    k,
  };
}
