/** Number formatting shared by findings and descriptions, so the same value reads the same everywhere. */

/** A score or gap with one decimal: 70 -> "70.0". */
export function num(x: number, digits = 1): string {
  const s = x.toFixed(digits);
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
}

/** A signed gap: +2.0, -4.0, 0.0. */
export function signed(x: number, digits = 1): string {
  const s = num(x, digits);
  return x > 0 && s !== (0).toFixed(digits) ? `+${s}` : s;
}

/** A size ratio: 1.8, 8, 63. */
export function ratio(x: number): string {
  return x >= 10 ? x.toFixed(0) : String(Number(x.toFixed(1)));
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "1 model", "3 models". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Rounds for evidence objects, so JSON output is stable and readable. */
export function round(x: number, digits = 4): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A p-value as text: "0.024", "0.45", "< 0.001". */
export function pValue(p: number): string {
  return p < 0.001 ? '< 0.001' : `= ${p.toPrecision(2)}`;
}
