/**
 * Drops a reasoning model's thinking from its output: everything up to the last closing think tag
 * (</think>, </thinking>, </reasoning>), or nothing when the thinking never closed (the answer is missing).
 */
export function stripReasoning(text: string): string {
  const closers = ['</think>', '</thinking>', '</reasoning>'];
  let end = -1;
  let len = 0;
  for (const c of closers) {
    const i = text.lastIndexOf(c);
    if (i > end) {
      end = i;
      len = c.length;
    }
  }
  if (end >= 0) return text.slice(end + len);
  if (/<(think|thinking|reasoning)>/.test(text)) return '';
  return text;
}

export interface FencedBlock {
  lang: string;
  code: string;
}

/** Every fenced block (``` or ~~~) in a markdown text, in order. An unclosed last fence runs to the end. */
export function fencedBlocks(text: string): FencedBlock[] {
  const lines = text.split('\n');
  const blocks: FencedBlock[] = [];
  let open: { fence: string; lang: string; start: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = /^\s*(`{3,}|~{3,})\s*([\w+#.-]*)/.exec(line);
    if (!open) {
      if (m) open = { fence: m[1]!, lang: (m[2] ?? '').toLowerCase(), start: i + 1 };
    } else if (m && m[1]!.startsWith(open.fence[0]!) && m[1]!.length >= open.fence.length && !m[2]) {
      blocks.push({ lang: open.lang, code: lines.slice(open.start, i).join('\n') });
      open = null;
    }
  }
  if (open) blocks.push({ lang: open.lang, code: lines.slice(open.start).join('\n') });
  return blocks;
}

export interface ExtractOptions {
  /** Which Python block to take when there are several (LiveCodeBench takes the first). */
  pick?: 'first' | 'last' | 'longest';
  /** When there is no fence, take the whole answer as code. */
  fallbackToText?: boolean;
}

const PYTHON_LANGS = new Set(['python', 'py', 'python3', '']);

/**
 * The program in a model's answer: reasoning removed, then the Python fenced block (blocks tagged with
 * another language are ignored unless nothing else is there), or the whole text when nothing is fenced.
 * Returns null when no code can be found.
 */
export function extractCode(text: string, o: ExtractOptions = {}): string | null {
  const answer = stripReasoning(text);
  const blocks = fencedBlocks(answer);
  const python = blocks.filter((b) => PYTHON_LANGS.has(b.lang));
  const pool = python.length ? python : blocks;
  if (pool.length) {
    const pick = o.pick ?? 'first';
    const b =
      pick === 'first'
        ? pool[0]!
        : pick === 'last'
          ? pool[pool.length - 1]!
          : pool.reduce((a, x) => (x.code.length > a.code.length ? x : a));
    return b.code;
  }
  if (o.fallbackToText ?? true) return answer.trim() ? answer : null;
  return null;
}
