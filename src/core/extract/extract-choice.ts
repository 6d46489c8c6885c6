import type { ExtractionRule } from '../schema/scoring.ts';
import { cutAtNextQuestion } from './answer-phrases.ts';

/**
 * The option a multiple-choice response chose. `letter` is null when the response named no valid option:
 * a hedge ("either C or E") or a letter that is not an option ("(F)" among A-E).
 */
export interface ChoiceAnswer {
  letter: string | null;
  method: Extract<
    ExtractionRule,
    'choice-letter' | 'option-text' | 'last-letter' | 'hedged' | 'invalid-letter'
  >;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Option text compared loosely: lower case, punctuation as spaces, but signs and operators kept
 * ("=" and "≠" are different options, "-15" is not "15").
 */
export function normalizeOptionText(s: string): string {
  return s
    .toLowerCase()
    .replace(/[−–—]/g, '-')
    .replace(/(?<=\p{L})-(?=\p{L})/gu, ' ')
    .replace(/[^\p{L}\p{N}.=≠<>≤≥+\-×÷*/^%√π]+/gu, ' ')
    .replace(/\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const LEAD_IN = /^.*?(?:final answer|correct answer|the answer|answer)\s*(?:is|:|：|=)?\s*[:：]?\s*/i;

/** The last non-empty line without its "the answer is" lead-in, markdown emphasis or math delimiters. */
function finalStatement(text: string): string {
  const lines = text
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const last = lines[lines.length - 1] ?? '';
  return last.replace(LEAD_IN, '').replace(/\*\*|\$|\\boxed\{|\\text\{/g, ' ');
}

/** Any capital letter in a bracket, box or bold: "(F)", "\boxed{F}", "**F**" name an option, valid or not. */
const WRAPPED = String.raw`(?:\(([A-Z])\)|\\boxed\{\s*(?:\\text\{)?\s*\(?([A-Z])\)?\s*\}?\s*\}|\*\*\(?([A-Z])\)?\*\*)`;
/**
 * A second option named right after the first: "C or E", "C/E", "(C) and (E)", a list "A, B, or D", or
 * after the first option's text, "D) attic or E) cupboard".
 */
const HEDGE_TAILS = [
  String.raw`^\s*\)?\s*(?:\*\*)?\s*,?\s*(?:or|and|/|&)\s*(?:option\s+|choice\s+)?\(?\**([A-Z])\b`,
  String.raw`^\s*\)?\s*,\s*\(?([A-Z])\)?\s*,?\s*(?:or|and)\b`,
  String.raw`^\s*\)?\s*,\s*\(?([A-Z])\)?\s*,\s*\(?[A-Z]\)?\s*,?\s*(?:or|and)\b`,
  String.raw`^\)?[^\n.()]{1,60}?\s(?:or|and)\s+\(?([A-Z])\)`,
];
/** Words of likelihood between "the answer is" and the letter: "most likely E", "probably (B)". */
const LIKELY = String.raw`(?:(?:most\s+)?(?:likely|probably)\s+(?:to\s+be\s+)?)?`;

/**
 * The chosen option of a multiple-choice response. Reads, in order of trust:
 *  1. an explicit statement, last one wins: "Answer: B", "the answer is (b)", "final answer: **C**",
 *     "\boxed{D}", "correct option is B)"; a lower-case letter counts only when it stands alone
 *     ("the answer is a tree" is not option A);
 *  2. the final line (after "the answer is") being exactly one option's text;
 *  3. a letter standing alone as a choice near the end: "(B)", "B)", "B.", "\"B\".", "E, because ...";
 *  4. the text of exactly one option quoted in the final line (the longest, when one contains another).
 * Policy for what names no valid option, applied at every step: a hedge naming two different options
 * ("either C or E", "C/E") is no answer (`hedged`), never its first or last letter; a bracketed, boxed or
 * bold letter that is not an option ("(F)" among A-E) is no answer (`invalid-letter`), never a nearby
 * valid letter. Option texts keep signs and operators. Nothing after a next question is read.
 * `letters` are the valid letters (e.g. "ABCDE"); `options` their texts, in the same order.
 */
export function extractChoice(
  input: string,
  letters: string,
  options: readonly string[] = [],
): ChoiceAnswer | null {
  const text = cutAtNextQuestion(input);
  const valid = (c: string) => letters.toUpperCase().includes(c);
  const upper = escapeRe(letters.toUpperCase());
  const lower = escapeRe(letters.toLowerCase());
  const letterRe = String.raw`(?:${WRAPPED}|([${upper}])(?![a-zA-Z])|([${lower}])(?=\s*(?:$|[).\]:,;*}]|\n)))`;
  const explicit = new RegExp(
    String.raw`(?<![\w-])(?i:answer(?:\s+(?:choice|option))?|option|choice)\s*(?i:is|:|：|=)?\s*(?i:option|choice)?\s*[:：]?\s*(?i:either\s+|${LIKELY})?(?:\*\*|\$|\\text\{|\[|\s)*${letterRe}`,
    'g',
  );
  const boxed = new RegExp(String.raw`\\boxed\{\s*(?:\\text\{)?\s*\(?([A-Z${lower}])\)?\s*\}?\s*\}`, 'g');
  let best: { at: number; end: number; letter: string } | null = null;
  const consider = (m: RegExpMatchArray, c: string | undefined) => {
    const at = m.index ?? 0;
    if (c && (!best || at >= best.at)) best = { at, end: at + m[0].length, letter: c.toUpperCase() };
  };
  for (const m of text.matchAll(explicit)) consider(m, m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]);
  for (const m of text.matchAll(boxed)) consider(m, m[1]);
  if (best) {
    const { letter, end } = best as { letter: string; end: number };
    if (!valid(letter)) return { letter: null, method: 'invalid-letter' };
    const rest = text.slice(end);
    for (const tail of HEDGE_TAILS) {
      const other = new RegExp(tail, 'i').exec(rest);
      const second = other?.[1];
      if (second && /^[A-Z]$/.test(second) && second !== letter && valid(second))
        return { letter: null, method: 'hedged' };
    }
    return { letter, method: 'choice-letter' };
  }

  const normOptions = options.map(normalizeOptionText);
  const statement = normalizeOptionText(finalStatement(text));
  // the whole response, or what follows its last "answer is", may be one (multi-line) option's text
  const leadIns = [
    ...text.matchAll(/(?:final answer|correct answer|the answer|answer)\s*(?:is|:|：|=)?\s*[:：]?/gi),
  ];
  const lastLead = leadIns[leadIns.length - 1];
  const afterLead = lastLead ? text.slice((lastLead.index ?? 0) + lastLead[0].length) : null;
  for (const candidate of [
    statement,
    normalizeOptionText(text),
    afterLead === null ? '' : normalizeOptionText(afterLead),
  ]) {
    if (!candidate) continue;
    const exact = normOptions.indexOf(candidate);
    if (exact >= 0 && letters[exact]) return { letter: letters[exact]!, method: 'option-text' };
  }

  // "the answer is CE": two or more letters run together name several options
  const run = /^([A-Z]{2,5})$/.exec(finalStatement(text).trim().replace(/[.!]$/, ''));
  if (run && [...run[1]!].every(valid) && new Set(run[1]!).size > 1)
    return { letter: null, method: 'hedged' };

  const tail = text.trim().slice(-200);
  const lastLine = tail.split('\n').at(-1) ?? '';
  const hedge = new RegExp(
    String.raw`(?<![a-zA-Z])\(?([${upper}])\)?\s*(?:or|/)\s*\(?([${upper}])\)?(?![a-zA-Z])`,
  );
  const h = hedge.exec(lastLine);
  if (h && h[1] !== h[2]) return { letter: null, method: 'hedged' };
  const standalone = new RegExp(
    String.raw`(?:^|[\s(\[*"'“‘])(?:\(([A-Z])\)|["'“‘]([${upper}])["'”’]|([${upper}])(?:\)|\]|\.|:|\*\*|$))(?=\s|$|[,.;*"'”’])|^([${upper}]),\s`,
    'gm',
  );
  let lastLetter: string | null = null;
  for (const m of tail.matchAll(standalone)) lastLetter = (m[1] ?? m[2] ?? m[3] ?? m[4])!;
  if (lastLetter) {
    return valid(lastLetter)
      ? { letter: lastLetter, method: 'last-letter' }
      : { letter: null, method: 'invalid-letter' };
  }

  if (statement) {
    const hits = normOptions
      .map((o, i) => ({ i, o }))
      .filter(({ o }) => o.length > 0 && new RegExp(`(?:^| )${escapeRe(o)}(?: |$)`).test(statement));
    hits.sort((a, b) => b.o.length - a.o.length);
    const top = hits[0];
    if (top && hits.every((h) => top.o.includes(h.o))) {
      const letter = letters[top.i];
      if (letter) return { letter, method: 'option-text' };
    }
  }
  return null;
}
