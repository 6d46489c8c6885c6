import type { ExtractionRule } from '../schema/scoring.ts';
import { cutAtNextQuestion, lastAnswerPhrase } from './answer-phrases.ts';
import { lastBoxedGroup } from './extract-boxed.ts';

export interface NumberAnswer {
  /** The number in canonical form: no commas, no currency, no trailing zeros ("1234.5", "-3"). */
  value: string;
  method: Extract<
    ExtractionRule,
    'hashes' | 'final-answer' | 'answer-is' | 'boxed' | 'program-output' | 'last-number'
  >;
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
/** Two numbers in a row, "125,96", "5 or 7": a list, not one answer (unless it is 1,000-style grouping). */
const SEVERAL = /^\s*[$€£¥]?-?\d[\d.]*\s*(?:[,;/]|\bor\b|\band\b)\s*[$€£¥]?-?\d/;
const GROUPED = /^\s*[$€£¥]?-?\d{1,3}(?:,\d{3})+(?![\d,])/;

/** A statement that overrides an earlier box opens with its number: "the answer is 5", not "is 9 - 4 = 5". */
const OPENS_WITH_NUMBER = /^[\s*:$€£¥(\\{}a-z]{0,16}?-?[$€£¥]?\s?\d/;
const THEN_ARITHMETIC = /^\D{0,16}?\d[\d,.]*\s*[-+*/×÷=]\s*\d/;

/**
 * The number an answer statement gives: its first number, or, when the statement opens with a calculation
 * ("final answer: 21 + 8 + 3 = 32 birds", "is 96 * 5 = 480"), the result after the last "=" of its first
 * clause, unless that side is a calculation itself ("32 = 4 * 8" gives 32).
 */
function spanNumber(span: string): string {
  const clause = (span.trimStart().split('\n')[0] ?? '').split(/[.;,](?:\s|$)/)[0] ?? '';
  const eq = clause.lastIndexOf('=');
  if (eq > 0 && THEN_ARITHMETIC.test(clause)) {
    const side = clause.slice(eq + 1);
    const result = firstNumber(side);
    if (result !== null && !THEN_ARITHMETIC.test(side)) return result;
  }
  return firstNumber(span)!;
}

/**
 * The numeric answer of a GSM8K-style response: the latest explicit answer, where "#### N", an answer
 * statement ("The final answer is $10,455$", "the answer (arabic numerals) is 80", "Answer: 17"; the last
 * "final answer" statement before plain "answer is" ones) and a \boxed{N} are explicit; only when there is
 * none, the number a final ```output block printed, else the last number in the text. Commas, spaces
 * between thousands, currency signs, units and trailing periods are ignored. Nothing after a next question the model invents is read.
 */
export function extractNumber(input: string): NumberAnswer | null {
  const text = cutAtNextQuestion(input);
  const found: { at: number; value: string; method: NumberAnswer['method'] }[] = [];
  let hashes: RegExpExecArray | null = null;
  for (const m of text.matchAll(HASHES)) if (firstNumber(m[1] ?? '') !== null) hashes = m;
  if (hashes) {
    // "#### 125,96" gives two answers: none of them is the answer
    if (SEVERAL.test(hashes[1]!) && !GROUPED.test(hashes[1]!)) return null;
    found.push({ at: hashes.index, value: firstNumber(hashes[1]!)!, method: 'hashes' });
  }
  const box = lastBoxedGroup(text);
  const boxed = box && firstNumber(box.content.replace(/\\[dt]?frac\{(\d+)\}\{(\d+)\}/g, '$1/$2'));
  if (box && boxed !== null) found.push({ at: box.start, value: boxed, method: 'boxed' });
  const phrase = lastAnswerPhrase(
    text,
    (p) =>
      firstNumber(p.span) !== null &&
      (!box || p.start < box.end || (OPENS_WITH_NUMBER.test(p.span) && !THEN_ARITHMETIC.test(p.span))),
  );
  if (phrase) found.push({ at: phrase.start, value: spanNumber(phrase.span), method: phrase.kind });
  found.sort((a, b) => a.at - b.at);
  const latest = found.at(-1);
  if (latest) return { value: latest.value, method: latest.method };
  const printed = programOutput(text);
  if (printed !== null) return { value: printed, method: 'program-output' };
  const last = lastNumber(text);
  return last === null ? null : { value: last, method: 'last-number' };
}

const OUTPUT_BLOCK = /```output[ \t]*\n([\s\S]*?)```/g;

/**
 * The one number the last ```output block of a tool-integrated response printed ("```output\n16.0\n```\n16
 * people think horse #12 will win"), when no code follows it; null otherwise.
 */
function programOutput(text: string): string | null {
  const blocks = [...text.matchAll(OUTPUT_BLOCK)];
  const last = blocks.at(-1);
  if (!last || text.includes('```', (last.index ?? 0) + last[0].length)) return null;
  const content = last[1]!.trim();
  const value = firstNumber(content);
  return value !== null && value === lastNumber(content) && /^[-$\d.,\s/]+$/.test(content) ? value : null;
}

/** Numeric equality of two canonical numbers, tolerant to float noise only. */
export function sameNumber(a: string, b: string): boolean {
  if (a === b) return true;
  const x = Number(a);
  const y = Number(b);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}
