import type { MetricValue, ScoredSample } from '../task/task.ts';
import { normalQuantile } from '../stats/normal.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';

/** Samples grouped by question, in sample order; error samples (no usable response) are left out. */
export function groupByQuestion(samples: readonly ScoredSample[]): Map<string, ScoredSample[]> {
  const out = new Map<string, ScoredSample[]>();
  for (const s of samples) {
    if (s.verdict === 'error') continue;
    const list = out.get(s.itemId);
    if (list) list.push(s);
    else out.set(s.itemId, [s]);
  }
  for (const list of out.values()) list.sort((a, b) => a.sampleIndex - b.sampleIndex);
  return out;
}

/**
 * A metric from one number per question: the mean, its standard error across questions (the question
 * is the statistical unit, so several samples of one question never count as independent), and a 95%
 * interval: Wilson when every per-question value is 0 or 1, the normal interval clipped to [0, 1] else.
 */
export function metricFromQuestions(
  name: string,
  perQuestion: readonly number[],
  k: number | null,
): MetricValue {
  const n = perQuestion.length;
  if (n === 0) return { name, value: Number.NaN, stderr: null, ciLow: null, ciHigh: null, n: 0, k };
  let sum = 0;
  for (const v of perQuestion) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of perQuestion) ss += (v - mean) ** 2;
  const stderr = n > 1 ? Math.sqrt(ss / (n - 1) / n) : null;
  let ciLow: number | null = null;
  let ciHigh: number | null = null;
  if (perQuestion.every((v) => v === 0 || v === 1)) {
    const w = wilsonInterval(Math.round(sum), n);
    ciLow = w.low;
    ciHigh = w.high;
  } else if (stderr !== null) {
    const z = normalQuantile(0.975);
    ciLow = Math.max(0, mean - z * stderr);
    ciHigh = Math.min(1, mean + z * stderr);
  }
  return { name, value: mean, stderr, ciLow, ciHigh, n, k };
}

/** The largest number of scored samples any question has. */
export function samplesPerQuestion(groups: Map<string, ScoredSample[]>): number {
  let k = 0;
  for (const g of groups.values()) k = Math.max(k, g.length);
  return k;
}
