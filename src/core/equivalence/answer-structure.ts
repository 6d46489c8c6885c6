import { stripVariable } from '../extract/normalize-latex.ts';

/** The shape of a math answer, read from its normalised LaTeX before any value is compared. */
export type AnswerNode =
  | { kind: 'scalar'; text: string }
  /** A bracketed or bare list: tuple "(1,2)", interval "[1,2)", set "\{1,2\}", bare "1, -2". */
  | { kind: 'list'; open: string; close: string; items: AnswerNode[] }
  | { kind: 'union'; parts: AnswerNode[] }
  | { kind: 'matrix'; rows: string[][] };

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

/** Splits on a separator at bracket depth 0 ("\{" and "\}" count as brackets). */
export function splitTopLevel(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && s[i + 1] && /[{}]/.test(s[i + 1]!)) {
      depth += s[i + 1] === '{' ? 1 : -1;
      i++;
      continue;
    }
    if (OPENERS.has(c)) depth++;
    else if (CLOSERS.has(c)) depth--;
    else if (depth === 0 && s.startsWith(sep, i)) {
      parts.push(s.slice(start, i));
      start = i + sep.length;
      i += sep.length - 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/** True when the bracket opened at 0 closes at the last character. */
function wrapsWhole(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && s[i + 1] && /[{}]/.test(s[i + 1]!)) {
      depth += s[i + 1] === '{' ? 1 : -1;
      i++;
    } else if (OPENERS.has(c)) depth++;
    else if (CLOSERS.has(c)) depth--;
    if (depth === 0) return i >= s.length - 1;
  }
  return false;
}

const MATRIX = /^\\begin\{([pbBvV]?matrix|array)\}(?:\{[^}]*\})?(.*)\\end\{\1\}$/;

/** The members of a set or bare list: "1\pm\sqrt{5}, -2" has three, the two values of the \pm and -2. */
function members(parts: string[]): AnswerNode[] {
  return parts.flatMap((p) => {
    const n = parseAnswer(p.trim());
    return n.kind === 'list' && n.open === '' ? n.items : [n];
  });
}

/** Reads the structure of a normalised answer. */
export function parseAnswer(s: string): AnswerNode {
  const m = MATRIX.exec(s);
  if (m) {
    const rows = m[2]!
      .split('\\\\')
      .map((r) => r.trim())
      .filter(Boolean)
      .map((r) => r.split('&').map((c) => c.trim()));
    return { kind: 'matrix', rows };
  }
  const union = splitTopLevel(s, '\\cup');
  if (union.length > 1) return { kind: 'union', parts: union.map((p) => parseAnswer(p.trim())) };
  if (s.startsWith('\\{') && s.endsWith('\\}') && wrapsWhole(s)) {
    const inner = s.slice(2, -2);
    return { kind: 'list', open: '{', close: '}', items: members(splitTopLevel(inner, ',')) };
  }
  const first = s[0];
  const last = s[s.length - 1];
  if ((first === '(' || first === '[') && (last === ')' || last === ']') && wrapsWhole(s)) {
    const items = splitTopLevel(s.slice(1, -1), ',');
    if (items.length > 1)
      return { kind: 'list', open: first, close: last, items: items.map((p) => parseAnswer(p.trim())) };
    // redundant outer parentheses around one value: (5) is 5
    if (first === '(' && last === ')') return parseAnswer(s.slice(1, -1).trim());
  }
  const bare = splitTopLevel(s, ',');
  if (bare.length > 1 && bare.every((p) => p.trim() !== ''))
    return { kind: 'list', open: '', close: '', items: members(bare) };
  // a \pm b: the two values a + b and a - b
  const pm = s.split('\\pm');
  if (pm.length === 2 && pm[1]) {
    const [a, b] = pm as [string, string];
    return { kind: 'list', open: '', close: '', items: [parseAnswer(`${a}+${b}`), parseAnswer(`${a}-${b}`)] };
  }
  return { kind: 'scalar', text: stripVariable(s) };
}
