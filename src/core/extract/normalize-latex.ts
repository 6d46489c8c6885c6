/** Words that, inside \text{} after a quantity, are units and not part of the answer. */
const UNIT_TEXT = /^\s*(?:[a-zA-Z]+\.?\s*){1,3}$/;

/** Replaces `\cmd{X}` by `X` for the given commands (one brace level, nested braces allowed). */
function unwrap(s: string, commands: string[]): string {
  let out = s;
  for (const cmd of commands) {
    let at = out.indexOf(`${cmd}{`);
    while (at >= 0) {
      const open = at + cmd.length;
      let depth = 0;
      let close = -1;
      for (let i = open; i < out.length; i++) {
        if (out[i] === '{') depth++;
        else if (out[i] === '}' && --depth === 0) {
          close = i;
          break;
        }
      }
      if (close < 0) break;
      out = out.slice(0, at) + out.slice(open + 1, close) + out.slice(close + 1);
      at = out.indexOf(`${cmd}{`, at);
    }
  }
  return out;
}

/**
 * `\frac12` -> `\frac{1}{2}`, `\frac1{x}` -> `\frac{1}{x}`, `\sqrt2` -> `\sqrt{2}`. `\sqrt23` is read as
 * `\sqrt{23}`, what a response that writes it means (LaTeX would typeset √2·3, which nobody writes so).
 */
function braceShortArgs(s: string): string {
  return s
    .replace(/\\sqrt\s*(\d+|[a-zA-Z])/g, '\\sqrt{$1}')
    .replace(/\\frac\s*([0-9a-zA-Z])\s*([0-9a-zA-Z])/g, '\\frac{$1}{$2}')
    .replace(/\\frac\s*([0-9a-zA-Z])\s*\{/g, '\\frac{$1}{')
    .replace(/\\frac\s*(\{[^{}]*\})\s*([0-9a-zA-Z])/g, '\\frac$1{$2}');
}

/** Function names that are not units: "5 sin" is not "5". */
const NOT_UNITS = /^(?:sin|cos|tan|cot|sec|csc|log|ln|exp|arcsin|arccos|arctan|or|and|pi|i|e)$/i;

/** "2000 calories", "10 meters", "12 grade": a number followed by one to three plain words is the number. */
function dropUnitWords(s: string): string {
  const m = /^(-?\d[\d,]*(?:\.\d+)?|-?\\frac\{\d+\}\{\d+\})\s+((?:[a-zA-Z]{2,}\.?\s*){1,3})$/.exec(s.trim());
  if (!m) return s;
  const words = m[2]!.trim().split(/\s+/);
  return words.some((w) => NOT_UNITS.test(w.replace(/\.$/, ''))) ? s : m[1]!;
}

const BOUND = String.raw`(-?(?:\\infty|[^<>=,\\]|\\(?!le|ge)[a-zA-Z]+|\\frac\{[^{}]*\}\{[^{}]*\}|\{[^{}]*\})+)`;
/** The variable of an inequality: a letter or a Greek letter ("3<\lambda\le4"). */
const VARIABLE = String.raw`([a-zA-Z]|\\(?:alpha|beta|gamma|delta|epsilon|theta|lambda|mu|phi|omega|sigma|tau|rho))`;
const ONE_SIDED = new RegExp(String.raw`^${VARIABLE}(<|>|\\le|\\ge)${BOUND}$`);
const TWO_SIDED = new RegExp(String.raw`^${BOUND}(<|\\le)${VARIABLE}(<|\\le)${BOUND}$`);

/** "x\le3" -> "(-\infty,3]", "-2<x\le5" -> "(-2,5]": a one-variable inequality as the interval it describes. */
export function inequalityToInterval(s: string): string {
  const one = ONE_SIDED.exec(s);
  if (one) {
    const [, , op, raw] = one as unknown as [string, string, string, string];
    const b = raw.trim();
    if (op === '<') return `(-\\infty,${b})`;
    if (op === '\\le') return `(-\\infty,${b}]`;
    if (op === '>') return `(${b},\\infty)`;
    return `[${b},\\infty)`;
  }
  const two = TWO_SIDED.exec(s);
  if (two) {
    const [, a, l, , r, b] = two as unknown as [string, string, string, string, string, string];
    return `${l === '<' ? '(' : '['}${a.trim()},${b.trim()}${r === '<' ? ')' : ']'}`;
  }
  return s;
}

/**
 * "x = 5" -> "5": drops "v =" when the left side is one symbol, there is a single "=", and the right
 * side is a value (no variables). "y = 2x + 3" is an equation and stays one.
 */
export function stripVariable(s: string): string {
  const eq = /^([a-zA-Z]|\\[a-zA-Z]+)(?:_\{?[0-9a-zA-Z]+\}?)?\s*=\s*([^=]+)$/.exec(s);
  if (!eq || /[<>]/.test(s)) return s;
  const rhs = eq[2]!.trim();
  const withoutCommands = rhs.replace(/\\[a-zA-Z]+/g, '');
  return /[a-zA-Z]/.test(withoutCommands) ? s : rhs;
}

/**
 * Normal form of a LaTeX answer, so that the forms graders treat as the same answer compare equal as
 * strings: \dfrac/\tfrac -> \frac, no \left/\right, no spacing commands (\! \, \; ~), no $…$, no
 * degree or percent signs, no unit words in \text{}, no thousands separators (1{,}000, 1,000),
 * no "x =" in front of a single value, no spaces, a leading 0 before a bare decimal point.
 * It is deliberately conservative: anything that could change the value is left alone.
 */
export function normalizeLatex(input: string): string {
  let s = input.trim();
  s = s.replace(/\n/g, ' ');
  s = s
    .replace(/^\$+|\$+$/g, '')
    .replace(/^\\\(|\\\)$/g, '')
    .replace(/^\\\[|\\\]$/g, '');
  s = s.replace(/\\(?:displaystyle|textstyle|scriptstyle)\b/g, '');
  s = s.replace(/\\[dt]frac\b/g, '\\frac');
  s = s.replace(/\\left\b|\\right\b|\\bigl\b|\\bigr\b|\\Bigl\b|\\Bigr\b|\\big\b|\\Big\b/g, '');
  // 11,\! 111,\! 100: a thousands separator, whatever space follows it
  s = s.replace(/(\d),\\!\s*(?=\d{3}(?!\d))/g, '$1,').replace(/\\!/g, '');
  s = s.replace(/\\,|\\;|\\:|(?<!\\)\\ |~|\\quad|\\qquad/g, (m) => (m === '\\,' ? '\\,' : ' '));
  // 1{,}000 and 1\,000 are thousands separators; elsewhere \, is only space
  s = s
    .replace(/(\d)\{,\}(?=\d{3})/g, '$1')
    .replace(/(\d)\\,(?=\d{3})/g, '$1')
    .replace(/\\,/g, ' ');
  // degrees and percent
  s = s.replace(/\^\s*\{\s*\\circ\s*\}|\^\s*\\circ|\\circ|°|\\degree/g, '');
  s = s.replace(/\\\$/g, '').replace(/(\d)\s*(?:degrees?|percent)\s*$/, '$1');
  s = s.replace(/\\%|%/g, '').replace(/\s*\\text\{\s*(?:percent|degrees?)\s*\}/g, '');
  // "x=2 \text{ or } x=3", "2 and 3": alternatives are a list
  s = s.replace(/\s*\\(?:text|mbox)\{\s*(?:or|and)\s*\}\s*|\s+(?:or|and)\s+/g, ', ');
  // units after a quantity: 5\text{ cm}, 5 \mbox{inches}^2
  s = s.replace(
    /([0-9}).])\s*\\(?:text|mbox|mathrm|textrm)\{([^{}]*)\}(?:\^\{?[23]\}?)?/g,
    (m, before: string, inner: string) => (UNIT_TEXT.test(inner) ? before : m),
  );
  // ordinals: 12^{\mathrm{th}}, 3^{rd}, 1st
  s = s.replace(
    /(\d)\s*(?:\^\s*\{?\s*(?:\\(?:mathrm|text|textrm)\s*)?\{?\s*(?:st|nd|rd|th)\s*\}?\s*\}?|(?:st|nd|rd|th)\b)/g,
    '$1',
  );
  s = unwrap(s, ['\\text', '\\textbf', '\\mathbf', '\\mbox', '\\mathrm', '\\textrm', '\\boxed']);
  s = dropUnitWords(s);
  s = braceShortArgs(s);
  s = s.replace(/\s+/g, ' ').trim();
  // a trailing period or unit word after a number: "5 cm" is not touched (could be a product)
  s = s.replace(/\.$/, '');
  // thousands separators in a plain number, or in a braced group that is one number: \frac{20,000}{\pi}
  if (/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  s = s.replace(/(?<=(?<!\\)\{)-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?=\})/g, (m) => m.replace(/,/g, ''));
  // "x \in [1,4]" -> "[1,4]"
  s = s.replace(/^[a-zA-Z]\s*\\in\s*/, '');
  // a labelled tuple: (p,q)=(3,2) is (3,2)
  s = s.replace(/^\(\s*(?:[a-zA-Z](?:_\{?\d\}?)?\s*,\s*)+[a-zA-Z](?:_\{?\d\}?)?\s*\)\s*=\s*(?=\()/, '');
  s = stripVariable(s);
  // spaces go, except the one that ends a command name before a letter (\cot x)
  s = s
    .replace(/(\\[a-zA-Z]+)\s+(?=[a-zA-Z0-9])/g, '$1\u0001')
    .replace(/\s+/g, '')
    .replace(/\u0001/g, ' ');
  s = s.replace(/(^|[^\d])\.(\d)/g, '$10.$2');
  s = s.replace(/(?:\\leq?(?![a-zA-Z])|≤)\s*/g, '\\le').replace(/(?:\\geq?(?![a-zA-Z])|≥)\s*/g, '\\ge');
  s = s.replace(/\\inf(?:inity)?(?![a-zA-Z])/g, '\\infty').replace(/\+\\infty/g, '\\infty');
  s = inequalityToInterval(s);
  s = s.replace(/^(?:\\\{\\\}|\\varnothing|\{\})$/, '\\emptyset');
  s = s.replace(/^\((?:[A-Ea-e])\)$/, (m) => m.slice(1, 2).toUpperCase());
  return s;
}
