export interface ChoiceAnswer {
  letter: string;
  method: 'explicit' | 'option-text' | 'last-letter';
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Option text compared loosely: lower case, punctuation as spaces. */
export function normalizeOptionText(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
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

/**
 * The chosen option letter of a multiple-choice response. Reads, in order of trust:
 *  1. an explicit statement, last one wins: "Answer: B", "the answer is (b)", "final answer: **C**",
 *     "\boxed{D}", "correct option is B)"; a lower-case letter counts only when it stands alone
 *     ("the answer is a tree" is not option A);
 *  2. the final line (after "the answer is") being exactly one option's text;
 *  3. a letter standing alone as a choice near the end: "(B)", "B)", "B.";
 *  4. the text of exactly one option quoted in the final line (the longest, when one contains another).
 * `letters` are the valid letters (e.g. "ABCDE"); `options` their texts, in the same order.
 */
export function extractChoice(
  text: string,
  letters: string,
  options: readonly string[] = [],
): ChoiceAnswer | null {
  const upper = escapeRe(letters.toUpperCase());
  const lower = escapeRe(letters.toLowerCase());
  const letterRe = String.raw`(?:([${upper}])(?![a-zA-Z])|([${lower}])(?=\s*(?:$|[).\]:,;*}]|\n)))`;
  const explicit = new RegExp(
    String.raw`(?i:answer(?:\s+(?:choice|option))?|option|choice)\s*(?i:is|:|：|=)?\s*(?i:option|choice)?\s*[:：]?\s*(?:\*\*|\$|\\boxed\{|\\text\{|\(|\[|\s)*${letterRe}`,
    'g',
  );
  const boxed = new RegExp(
    String.raw`\\boxed\{\s*(?:\\text\{)?\s*\(?([${upper}${lower}])\)?\s*\}?\s*\}`,
    'g',
  );
  let best: { at: number; letter: string } | null = null;
  for (const m of text.matchAll(explicit)) {
    const c = (m[1] ?? m[2])?.toUpperCase();
    if (c && (!best || (m.index ?? 0) >= best.at)) best = { at: m.index ?? 0, letter: c };
  }
  for (const m of text.matchAll(boxed)) {
    const c = m[1]!.toUpperCase();
    if (!best || (m.index ?? 0) >= best.at) best = { at: m.index ?? 0, letter: c };
  }
  if (best) return { letter: best.letter, method: 'explicit' };

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

  const tail = text.trim().slice(-200);
  const standalone = new RegExp(
    String.raw`(?:^|[\s(\[*"'])(?:\(([${upper}${lower}])\)|([${upper}])(?:\)|\]|\.|:|\*\*|$))(?=\s|$|[,.;*"'])`,
    'gm',
  );
  let lastLetter: string | null = null;
  for (const m of tail.matchAll(standalone)) lastLetter = (m[1] ?? m[2])!.toUpperCase();
  if (lastLetter) return { letter: lastLetter, method: 'last-letter' };

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
