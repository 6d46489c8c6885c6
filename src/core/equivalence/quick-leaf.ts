/** A plain rational number written in one of the usual ways, or null: 12, -3.5, \frac{3}{4}, -3/4. */
export function plainNumber(s: string): number | null {
  const t = s.replace(/^\+/, '');
  if (/^-?\d+(?:\.\d+)?$/.test(t)) return Number(t);
  if (/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  let m = /^(-?)\\frac\{(-?\d+(?:\.\d+)?)\}\{(-?\d+(?:\.\d+)?)\}$/.exec(t);
  if (!m) m = /^(-?)\(?(-?\d+(?:\.\d+)?)\)?\/\(?(-?\d+(?:\.\d+)?)\)?$/.exec(t);
  if (m) {
    const den = Number(m[3]);
    if (den === 0) return null;
    const v = Number(m[2]) / den;
    return m[1] ? -v : v;
  }
  return null;
}

/** Relative closeness for values computed from exact answers (float noise only). */
export function closeEnough(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= 1e-8 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Plain words ("Evelyn", "odd", "Monday"): compared as text, not as products of variables. */
function isWord(s: string): boolean {
  return /^[A-Za-z][A-Za-z ]{2,}$/.test(s) && !/^(?:pi|inf|infty|sqrt|sin|cos|tan|log|ln|exp)$/i.test(s);
}

/**
 * The cheap comparisons, decided without a symbolic engine: identical text, two plain numbers,
 * two words. Null when the pair needs symbolic checking.
 */
export function quickLeaf(gold: string, pred: string): boolean | null {
  if (gold === pred) return true;
  const a = plainNumber(gold);
  const b = plainNumber(pred);
  if (a !== null && b !== null) return closeEnough(a, b);
  if (isWord(gold) && isWord(pred)) return gold.toLowerCase() === pred.toLowerCase();
  if (isWord(gold) !== isWord(pred) && (a !== null || b !== null)) return false;
  if (gold === '' || pred === '') return false;
  return null;
}
