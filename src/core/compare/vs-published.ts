import type { ResultView } from '../query/result-view.ts';

export interface VsPublishedRow {
  measured: ResultView;
  published: ResultView;
  /** Half-width of the measured 95% interval, in the result's unit (from its CI, else 1.96 SE). */
  measuredHalfWidth: number | null;
  /** Uncertainty of the published value: its own interval or SE when stated, else the reading error of a value read off a chart, else 0. */
  publishedError: number;
  /** measured - published. */
  gap: number;
  /**
   * Whether the published value lies within the measured 95% interval widened on each side by the
   * published value's error; null when the measured value has no interval.
   */
  agree: boolean | null;
}

function interval(v: ResultView): { low: number; high: number } | null {
  const r = v.result;
  if (r.ciLow !== null && r.ciHigh !== null) return { low: r.ciLow, high: r.ciHigh };
  return r.stderr === null ? null : { low: r.value - 1.96 * r.stderr, high: r.value + 1.96 * r.stderr };
}

function halfWidth(v: ResultView): number | null {
  const i = interval(v);
  return i && Math.max(v.result.value - i.low, i.high - v.result.value);
}

/**
 * Each measured score set against every published score of the same model, benchmark and unit (plain
 * scores, not Δ): the gap, and whether it lies within the measured 95% interval widened by the
 * published value's own uncertainty (`readingError` for values read off a chart without one).
 */
export function vsPublished(
  measured: readonly ResultView[],
  published: readonly ResultView[],
  readingError: number,
): VsPublishedRow[] {
  const out: VsPublishedRow[] = [];
  for (const m of measured) {
    const pubs = published.filter(
      (p) =>
        p.result.source === 'publication' &&
        p.result.baseline === null &&
        p.result.model === m.result.model &&
        p.result.benchmark === m.result.benchmark &&
        p.result.unit === m.result.unit,
    );
    for (const p of pubs) {
      const mi = interval(m);
      const publishedError = halfWidth(p) ?? (p.result.approximate ? readingError : 0);
      const v = p.result.value;
      out.push({
        measured: m,
        published: p,
        measuredHalfWidth: halfWidth(m),
        publishedError,
        gap: m.result.value - v,
        agree: mi === null ? null : v >= mi.low - publishedError && v <= mi.high + publishedError,
      });
    }
  }
  return out;
}
