import type { ExtractionRule } from '../schema/scoring.ts';
import { cutAtNextQuestion, lastAnswerPhrase } from './answer-phrases.ts';
import { lastBoxedGroup } from './extract-boxed.ts';

export interface NumberAnswer {
  /** The number in canonical form: no commas, no currency, no trailing zeros ("1234.5", "-3"). */
  value: string;
  method: Extract<ExtractionRule, 'hashes' | 'final-answer' | 'answer-is' | 'boxed' | 'last-number'>;
}

/**
 * A number as people write it: -$1,234.50, $1,000, 1 000 (a space between thousands), .5, 3/4, "1/4."
 * Groups: sign, sign after currency, integer part, fraction, denominator.
 */
const NUMBER =
  /(?<![\w.])(-|−)?\s?[$€£¥]?\s?(-|−)?(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,.]\d|[-\w])|\d+|(?=\.\d))(\.\d+)?(?:\s?\/\s?(\d+)(?!\d|[.,]\d))?/g;

/** Canonical text of a decimal number: "007" -> "7", "5.00" -> "5", "-0" -> "0". */
export function canonicalNumber(raw: string): string {
  let s = raw.replace(/[,\s\u00a0\u202f\u2009]/g, '');
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

/** A statement that overrides an earlier box opens with its number: "the answer is 5", not "is 9 - 4 = 5". */
const OPENS_WITH_NUMBER = /^[\s*:$€£¥(\\{}a-z]{0,16}?-?[$€£¥]?\s?\d/;
const THEN_ARITHMETIC = /^\D{0,16}?\d[\d,.]*\s*[-+*/×÷=]\s*\d/;

/**
 * The numeric answer of a GSM8K-style response: the latest explicit answer, where "#### N", an answer
 * statement ("The final answer is $10,455$", "the answer (arabic numerals) is 80", "Answer: 17"; the last
 * "final answer" statement before plain "answer is" ones) and a \boxed{N} are explicit; only when there is
 * none, the last number in the text. Commas, spaces between thousands, currency signs, units and trailing
 * periods are ignored. Nothing after a next question the model invents is read.
 */
export function extractNumber(input: string): NumberAnswer | null {
  const text = cutAtNextQuestion(input);
  const found: { at: number; value: string; method: NumberAnswer['method'] }[] = [];
  let hashes: RegExpExecArray | null = null;
  for (const m of text.matchAll(HASHES)) if (firstNumber(m[1] ?? '') !== null) hashes = m;
  if (hashes) found.push({ at: hashes.index, value: firstNumber(hashes[1]!)!, method: 'hashes' });
  const box = lastBoxedGroup(text);
  const boxed = box && firstNumber(box.content.replace(/\\[dt]?frac\{(\d+)\}\{(\d+)\}/g, '$1/$2'));
  if (box && boxed !== null) found.push({ at: box.start, value: boxed, method: 'boxed' });
  const phrase = lastAnswerPhrase(
    text,
    (p) =>
      firstNumber(p.span) !== null &&
      (!box || p.start < box.end || (OPENS_WITH_NUMBER.test(p.span) && !THEN_ARITHMETIC.test(p.span))),
  );
  if (phrase) found.push({ at: phrase.start, value: firstNumber(phrase.span)!, method: phrase.kind });
  found.sort((a, b) => a.at - b.at);
  const latest = found.at(-1);
  if (latest) return { value: latest.value, method: latest.method };
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
