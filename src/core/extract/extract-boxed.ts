/** One `\boxed{...}` (or `\fbox{...}`) found in a text: its content and where it sits. */
export interface BoxedSpan {
  content: string;
  start: number;
  end: number;
}

const BOX_COMMANDS = ['\\boxed', '\\fbox', '\\framebox'];

/** Reads a brace group starting at `open` (which must be "{"); returns the content and end index. */
function readBraceGroup(text: string, open: number): { content: string; end: number } | null {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return { content: text.slice(open + 1, i), end: i + 1 };
    }
  }
  return null;
}

/**
 * Every box in the text, in order, with nested braces handled: `\boxed{\frac{1}{2}}`,
 * `\fbox{7}`, `\boxed 5` (a box without braces takes the next token).
 */
export function findBoxed(text: string): BoxedSpan[] {
  const out: BoxedSpan[] = [];
  let i = 0;
  // next occurrence of each command, searched again only once passed (keeps the scan linear)
  const next = BOX_COMMANDS.map((c) => text.indexOf(c));
  while (i < text.length) {
    let best = -1;
    let cmd = '';
    BOX_COMMANDS.forEach((c, k) => {
      if (next[k]! >= 0 && next[k]! < i) next[k] = text.indexOf(c, i);
      const at = next[k]!;
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
        cmd = c;
      }
    });
    if (best < 0) break;
    let j = best + cmd.length;
    // \boxedfoo is another command, not a box
    if (/[a-zA-Z]/.test(text[j] ?? '')) {
      i = j;
      continue;
    }
    while (text[j] === ' ') j++;
    if (text[j] === '{') {
      const g = readBraceGroup(text, j);
      if (!g) break;
      out.push({ content: g.content.trim(), start: best, end: g.end });
      i = g.end;
    } else {
      const m = /^[^\s$]+/.exec(text.slice(j));
      if (m) out.push({ content: m[0], start: best, end: j + m[0].length });
      i = j + (m?.[0].length ?? 1);
    }
  }
  return out;
}

/** Text that may sit between boxes that together form one answer ("$\boxed{2}$ and $\boxed{3}$"). */
const JOINER = /^(?:\s|\$|\\\)|\\\(|\\\]|\\\[|,|;|and|or|\\text\{\s*(?:and|or)\s*\}|\\quad|\\qquad)*$/;

/** The last box, or the adjacent boxes that end the text's boxes, with where they start and end. */
export function lastBoxedGroup(text: string): BoxedSpan | null {
  const boxes = findBoxed(text);
  if (boxes.length === 0) return null;
  let first = boxes.length - 1;
  while (first > 0 && JOINER.test(text.slice(boxes[first - 1]!.end, boxes[first]!.start))) first--;
  const parts = boxes.slice(first).map((b) => b.content);
  return { content: parts.join(', '), start: boxes[first]!.start, end: boxes.at(-1)!.end };
}

/**
 * The boxed answer: the last box, or, when the last boxes sit next to each other separated only by
 * "and", "or", commas or math delimiters, those boxes joined with ", ". Null when there is no box.
 */
export function extractBoxed(text: string): string | null {
  return lastBoxedGroup(text)?.content ?? null;
}
