/** A score on its own scale, one decimal ("61.3"); "–" when absent. */
export function score(v: number | null | undefined): string {
  return v === null || v === undefined ? '–' : v.toFixed(1);
}

/** A fraction as a percentage with one decimal ("61.3%"). */
export function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)}%`;
}

/** A parameter count in billions ("7B", "500M", "1.5T"); "?" when unknown. */
export function params(b: number | null): string {
  if (b === null) return '?';
  if (b < 1) return `${Math.round(b * 1000)}M`;
  if (b >= 1000) return `${+(b / 1000).toFixed(1)}T`;
  return `${+b.toFixed(1)}B`;
}

/** An interval "[57.1, 65.4]", or "" when either end is unknown. */
export function interval(low: number | null, high: number | null): string {
  return low === null || high === null ? '' : `[${low.toFixed(1)}, ${high.toFixed(1)}]`;
}
