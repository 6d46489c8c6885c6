import type { ExtractionRule } from '../schema/scoring.ts';
import { type AnswerPhrase, cutAtNextQuestion, lastAnswerPhrase } from './answer-phrases.ts';
import { lastBoxedGroup } from './extract-boxed.ts';

export interface MathAnswer {
  answer: string;
  method: Extract<ExtractionRule, 'boxed' | 'final-answer' | 'answer-is' | 'last-expression'>;
}

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

/** Words that open a judgement about an answer, not an answer: "the answer is correct", "is positive, because". */
const JUDGEMENT =
  /^(?:correct|incorrect|right|wrong|consistent|valid|reasonable|indeed|not|also|clearly|obviously|the same|that|this|as|in|because)\b/i;

/** A statement after a box overrides it only when it reads like an answer, not like a remark. */
function readsLikeAnswer(p: AnswerPhrase): boolean {
  const t = trimAnswerSpan(p.span);
  if (!t || JUDGEMENT.test(t)) return false;
  // words of prose (not LaTeX commands, not one-letter symbols): an answer has few, a remark many
  const prose = t.replace(/\\[a-zA-Z]+/g, ' ').match(/[A-Za-z]{2,}/g)?.length ?? 0;
  return /[\d$\\]/.test(t) ? prose <= 6 : t.split(/\s+/).length <= 3;
}

/** The last math span ($…$, \(…\), \[…\]) of a text, else its last number; null when it has neither. */
function lastExpression(text: string): string | null {
  const spans = [...text.matchAll(/\$\$([^$]+)\$\$|\$([^$\n]+)\$|\\\((.+?)\\\)|\\\[([\s\S]+?)\\\]/g)];
  const lastSpan = spans.at(-1);
  const numbers = [...text.matchAll(/-?\d[\d,]*(?:\.\d+)?(?:\/\d+)?/g)];
  const lastNum = numbers.at(-1);
  if (lastSpan && (!lastNum || (lastSpan.index ?? 0) + lastSpan[0].length >= (lastNum.index ?? 0))) {
    const body = (lastSpan[1] ?? lastSpan[2] ?? lastSpan[3] ?? lastSpan[4] ?? '').trim();
    // "x = 5" in running text: the value
    const eq = body.split('=');
    return eq.length > 1 && eq.at(-1)!.trim() ? eq.at(-1)!.trim() : body || null;
  }
  return lastNum ? lastNum[0].replace(/,$/, '') : null;
}

/**
 * The final answer of a math response, the way a grader reads it:
 *  1. an answer statement ("The final answer is …", "Final Answer: …", "the answer is …") that comes
 *     after the last \boxed{} (a correction after the box wins); the last "final answer" statement wins
 *     over "the answer is" ones;
 *  2. the last \boxed{} or \fbox{} (adjacent boxes form a list);
 *  3. the last answer statement;
 *  4. no marker at all: the last math span or number ("last-expression", reported separately).
 * Nothing after a next question the model invents is read.
 */
export function extractMathAnswer(input: string): MathAnswer | null {
  const text = cutAtNextQuestion(input);
  const box = lastBoxedGroup(text);
  const phrase = lastAnswerPhrase(text, (p) => trimAnswerSpan(p.span) !== '');
  if (box && box.content !== '') {
    const after = lastAnswerPhrase(text, (p) => p.start >= box.end && readsLikeAnswer(p));
    if (after) return { answer: trimAnswerSpan(after.span), method: after.kind };
    return { answer: box.content, method: 'boxed' };
  }
  if (phrase) return { answer: trimAnswerSpan(phrase.span), method: phrase.kind };
  const last = lastExpression(text);
  return last ? { answer: last, method: 'last-expression' } : null;
}
