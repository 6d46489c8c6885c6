/** A fraction in [0, 1] as a percent with one decimal, as every text output shows scores; '-' for none. */
export function percent(v: number | null | undefined): string {
  return v === null || v === undefined || Number.isNaN(v) ? '-' : (v * 100).toFixed(1);
}
