/** Nesting deeper than this is refused: no real record needs it, and deep input overflows recursive code. */
export const MAX_JSON_DEPTH = 100;

/** What JSON.parse would accept silently (or choke on), and where in the text it starts. */
export interface JsonTextProblem {
  offset: number;
  problem: string;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** The index of the quote that closes the string opening at `start`, or -1 when it is never closed. */
function closingQuote(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) return -1;
    let slashes = 0;
    while (text.charCodeAt(q - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return q;
    from = q + 1;
  }
}

/**
 * Scans JSON text for a key repeated within one object (JSON.parse keeps the last silently) and for
 * nesting deeper than `maxDepth`. Returns the first problem, or null. Syntax errors are left to
 * JSON.parse: the scan stops quietly where the text stops making sense.
 */
export function checkJsonText(text: string, maxDepth = MAX_JSON_DEPTH): JsonTextProblem | null {
  // One entry per open container: the keys seen so far for an object, null for an array.
  const open: (Set<string> | null)[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = closingQuote(text, i);
      if (end < 0) return null;
      const keys = open[open.length - 1];
      if (keys) {
        let k = end + 1;
        while (k < n && isSpace(text.charCodeAt(k))) k++;
        if (text.charCodeAt(k) === 58) {
          const raw = text.slice(i, end + 1);
          let key: string;
          try {
            key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
          } catch {
            return null;
          }
          if (keys.has(key)) return { offset: i, problem: `duplicate key "${key}"` };
          keys.add(key);
        }
      }
      i = end;
    } else if (c === 123 || c === 91) {
      open.push(c === 123 ? new Set() : null);
      if (open.length > maxDepth) return { offset: i, problem: `nested deeper than ${maxDepth} levels` };
    } else if (c === 125 || c === 93) open.pop();
  }
  return null;
}

/** The 1-based line of an offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
