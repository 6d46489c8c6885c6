import { extractBoxed } from './extract-boxed.ts';

export interface MathAnswer {
  answer: string;
  method: 'boxed' | 'final-answer' | 'answer-is';
}

const FINAL = /final answer(?: is)?\s*[:：]?\s*/gi;
const ANSWER_IS = /(?:the answer is|answer\s*[:：])\s*/gi;

/** Trims what usually surrounds an answer on its line: $, \(…\), a trailing period, "I hope it is correct". */
export function trimAnswerSpan(s: string): string {
  let t = s.trim();
  t = t.replace(/\.?\s*I hope it is correct\.?$/i, '');
  t = t.replace(/^\*\*|\*\*$/g, '').trim();
  for (let pass = 0; pass < 3; pass++) {
    t = t
      .trim()
      .replace(/[.。]$/, '')
      .trim();
    if (t.startsWith('$$') && t.endsWith('$$') && t.length >= 4) t = t.slice(2, -2);
    else if (t.startsWith('$') && t.endsWith('$') && t.length >= 2) t = t.slice(1, -1);
    else if (t.startsWith('\\(') && t.endsWith('\\)')) t = t.slice(2, -2);
    else if (t.startsWith('\\[') && t.endsWith('\\]')) t = t.slice(2, -2);
  }
  const dollar = /^\$([^$]+)\$/.exec(t);
  if (dollar) t = dollar[1]!;
  return t.trim();
}

/** The rest of the line after the last match of `re` (matches may overlap: "Final Answer: The final answer is"). */
function lastMatch(re: RegExp, text: string): string | null {
  let end = -1;
  for (const m of text.matchAll(re)) end = (m.index ?? 0) + m[0].length;
  if (end < 0) return null;
  const nl = text.indexOf('\n', end);
  return text.slice(end, nl < 0 ? undefined : nl);
}

/**
 * The final answer of a math response, the way a grader reads it: the (last) \boxed{} or \fbox{}
 * answer; else what follows the last "final answer is"; else the last "the answer is" / "Answer:".
 */
export function extractMathAnswer(text: string): MathAnswer | null {
  const boxed = extractBoxed(text);
  if (boxed !== null && boxed !== '') return { answer: boxed, method: 'boxed' };
  const fin = lastMatch(FINAL, text);
  if (fin !== null) {
    const a = trimAnswerSpan(fin);
    if (a) return { answer: a, method: 'final-answer' };
  }
  const is = lastMatch(ANSWER_IS, text);
  if (is !== null) {
    const a = trimAnswerSpan(is);
    if (a) return { answer: a, method: 'answer-is' };
  }
  return null;
}
