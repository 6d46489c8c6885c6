import { extractBoxed } from './extract-boxed.ts';

export interface NumberAnswer {
  /** The number in canonical form: no commas, no currency, no trailing zeros ("1234.5", "-3"). */
  value: string;
  method: 'hashes' | 'answer-is' | 'boxed' | 'last-number';
}

/** A number as people write it: -$1,234.50, 1 234, .5, 3/4. Groups: sign, integer part, fraction. */
const NUMBER =
  /(?<![\w.])(-|−)?\s?[$€£¥]?\s?(-|−)?(\d{1,3}(?:,\d{3})+(?!\d)|\d+|(?=\.\d))(\.\d+)?(?:\s?\/\s?(\d+)(?![\d.]))?/g;

/** Canonical text of a decimal number: "007" -> "7", "5.00" -> "5", "-0" -> "0". */
export function canonicalNumber(raw: string): string {
  let s = raw.replace(/,/g, '');
  const neg = s.startsWith('-');
  if (neg) s = s.slice(1);
  let [int = '', frac = ''] = s.split('.');
  int = int.replace(/^0+(?=\d)/, '');
  if (int === '') int = '0';
  frac = frac.replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return neg && /[1-9]/.test(body) ? `-${body}` : body;
}

function numbersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const sign = m[1] || m[2] ? '-' : '';
    const int = m[3] ?? '';
    const frac = m[4] ?? '';
    if (!int && !frac) continue;
    const den = m[5];
    const base = canonicalNumber(`${sign}${int || '0'}${frac}`);
    if (den !== undefined) {
      const q = Number(base) / Number(den);
      out.push(Number.isFinite(q) && Number(den) !== 0 ? canonicalNumber(String(q)) : base);
    } else out.push(base);
  }
  return out;
}

/** The first number in a piece of text (an answer span), canonical; null when it has none. */
export function firstNumber(text: string): string | null {
  return numbersIn(text.replace(/\\!|\{,\}|\\,/g, (m) => (m === '{,}' ? ',' : '')))[0] ?? null;
}

/** The last number in a text, canonical; null when it has none. */
export function lastNumber(text: string): string | null {
  const all = numbersIn(text.replace(/\\!|\{,\}|\\,/g, (m) => (m === '{,}' ? ',' : '')));
  return all[all.length - 1] ?? null;
}

const HASHES = /####\s*([^\n]*)/g;
const ANSWER_IS = /(?:final answer|the answer|answer)\s*(?:is|:|：|=)\s*([^\n]*)/gi;

function lastGroup(re: RegExp, text: string): string | null {
  let last: string | null = null;
  for (const m of text.matchAll(re)) last = m[1] ?? null;
  return last;
}

/**
 * The numeric answer of a GSM8K-style response. An explicit answer wins over a stray last number:
 * "#### N" first, then the last "the answer is N" / "Answer: N", then the last \boxed{N}, and only
 * then the last number in the text. Commas, currency signs, units and trailing periods are ignored.
 */
export function extractNumber(text: string): NumberAnswer | null {
  const hashes = lastGroup(HASHES, text);
  if (hashes !== null) {
    const v = firstNumber(hashes);
    if (v !== null) return { value: v, method: 'hashes' };
  }
  const is = lastGroup(ANSWER_IS, text);
  if (is !== null) {
    const v = firstNumber(is);
    if (v !== null) return { value: v, method: 'answer-is' };
  }
  const boxed = extractBoxed(text);
  if (boxed !== null) {
    const v = firstNumber(boxed.replace(/\\frac\{(\d+)\}\{(\d+)\}/g, '$1/$2'));
    if (v !== null) return { value: v, method: 'boxed' };
  }
  const last = lastNumber(text);
  return last === null ? null : { value: last, method: 'last-number' };
}

/** Numeric equality of two canonical numbers, tolerant to float noise only. */
export function sameNumber(a: string, b: string): boolean {
  if (a === b) return true;
  const x = Number(a);
  const y = Number(b);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}
