import { type CST, Parser } from 'yaml';

/** Tokens that hold other nodes: each one is a level of nesting. */
const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * The offset of the first collection (in the text) nested deeper than `max` levels in a YAML text, or null. It
 * walks the parser's concrete syntax tree with its own stack (the parser itself is iterative), so a
 * file of 100,000 nested `[` or `- ` is measured without the recursion that composing it would need.
 */
export function yamlTooDeep(text: string, max: number): number | null {
  let first: number | null = null;
  const stack: { token: CST.Token; depth: number }[] = [];
  for (const token of new Parser().parse(text)) stack.push({ token, depth: 0 });
  while (stack.length) {
    const { token, depth } = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
      continue;
    }
    if (!COLLECTIONS.has(token.type) || !('items' in token)) continue;
    if (depth + 1 > max) {
      if (first === null || token.offset < first) first = token.offset;
      continue;
    }
    for (const item of token.items as CST.CollectionItem[]) {
      if (item.key) stack.push({ token: item.key, depth: depth + 1 });
      if (item.value) stack.push({ token: item.value, depth: depth + 1 });
    }
  }
  return first;
}
