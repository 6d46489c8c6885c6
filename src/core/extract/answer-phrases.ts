/** An answer statement found in a response: its strength, where it starts, and the text it introduces. */
export interface AnswerPhrase {
  kind: 'final-answer' | 'answer-is';
  /** Index of the phrase itself ("The final answer is"). */
  start: number;
  /** Index of the first character of the answer span. */
  at: number;
  /** The answer span: the rest of the line, or, when that is empty, the next lines up to a blank line. */
  span: string;
}

// "answer" as a word ("long-answer:" is not an answer phrase), an optional parenthetical
// ("the answer (arabic numerals) is 80"), then "is", ":" or "=" (optionally inside **bold**); "check our
// answer: ..." introduces a check, not an answer.
const TAIL = String.raw`(?:\s*\([^()\n]{0,40}\))?\s*(?:\*\*)?\s*(?:is\b\s*[:：]?|[:：=])\s*(?:\*\*)?`;
const PHRASE = new RegExp(
  String.raw`(?<![\w-])(?<!\b(?:check|verify|confirm|test)(?:ing)?\s+(?:(?:our|my|the|this|your)\s+)?)(?:(final\s+answer)|(?:the\s+)?(?:correct\s+)?answer)\b${TAIL}`,
  'gi',
);

/** Where a response may start a next question of its own (a model continuing a few-shot pattern). */
const NEXT_QUESTION = /\n[ \t]*\n[ \t]*(?:#+\s*)?(?:Q|Question|Problem|Human|User)\s*(?:\d+\s*)?[:.]/g;
const ANSWER_MARK = /\\boxed|\\fbox|####|(?<![\w-])answer\b/i;

/**
 * The response up to the next question it invents, so no answer is read from that question: cut at the
 * first "\n\nQuestion:" (Q:, Problem:, ...) that follows an answer marker (a box, "####", "answer").
 * Numbered parts of one solution ("Question 2: ...") before any answer are kept.
 */
export function cutAtNextQuestion(text: string): string {
  for (const m of text.matchAll(NEXT_QUESTION)) {
    if (ANSWER_MARK.test(text.slice(0, m.index))) return text.slice(0, m.index);
  }
  return text;
}

function spanFrom(text: string, at: number): string {
  const nl = text.indexOf('\n', at);
  const line = text.slice(at, nl < 0 ? undefined : nl);
  if (line.replace(/[\s*$]|\\\[|\\\(/g, '') !== '' || nl < 0) return line;
  // the answer is on the following lines: up to the first blank line, never beyond
  const blank = /\n[ \t]*\n/.exec(text.slice(nl + 1));
  return text.slice(nl + 1, blank ? nl + 1 + blank.index : undefined).slice(0, 400);
}

/** Every answer phrase of a response, in order. */
export function answerPhrases(text: string): AnswerPhrase[] {
  const out: AnswerPhrase[] = [];
  for (const m of text.matchAll(PHRASE)) {
    const start = m.index ?? 0;
    const at = start + m[0].length;
    out.push({ kind: m[1] ? 'final-answer' : 'answer-is', start, at, span: spanFrom(text, at) });
  }
  return out;
}

/**
 * The phrase that states the final answer: the last "final answer" statement, else the last "the answer
 * is" / "Answer:" statement; only phrases for which `usable` holds count ("Final Answer: The final answer
 * is $x$" reads the inner, later one).
 */
export function lastAnswerPhrase(text: string, usable: (p: AnswerPhrase) => boolean): AnswerPhrase | null {
  const phrases = answerPhrases(text).filter(usable);
  const finals = phrases.filter((p) => p.kind === 'final-answer');
  return finals.at(-1) ?? phrases.at(-1) ?? null;
}
