import { type AnswerNode, parseAnswer } from './answer-structure.ts';

/** Compares two scalar answers: true / false when decided, null when it cannot tell. */
export type LeafCompare = (gold: string, pred: string) => boolean | null;

/** Unordered matching: every gold item pairs with a distinct predicted item. */
function matchUnordered(g: AnswerNode[], p: AnswerNode[], leaf: LeafCompare): boolean | null {
  const used = new Array<boolean>(p.length).fill(false);
  let undecided = false;
  for (const gi of g) {
    let found = false;
    for (let j = 0; j < p.length; j++) {
      if (used[j]) continue;
      const r = compareNodes(gi, p[j]!, leaf);
      if (r === true) {
        used[j] = true;
        found = true;
        break;
      }
      if (r === null) undecided = true;
    }
    if (!found) return undecided ? null : false;
  }
  return true;
}

function matchOrdered(g: AnswerNode[], p: AnswerNode[], leaf: LeafCompare): boolean | null {
  let undecided = false;
  for (let i = 0; i < g.length; i++) {
    const r = compareNodes(g[i]!, p[i]!, leaf);
    if (r === false) return false;
    if (r === null) undecided = true;
  }
  return undecided ? null : true;
}

function compareNodes(g: AnswerNode, p: AnswerNode, leaf: LeafCompare): boolean | null {
  if (g.kind === 'scalar' && p.kind === 'scalar') return leaf(g.text, p.text);
  // a one-element set or bare list is its element: {0} and 0
  const single = (n: AnswerNode) =>
    n.kind === 'list' && n.items.length === 1 && (n.open === '{' || n.open === '') ? n.items[0]! : null;
  if (g.kind === 'scalar' && single(p)) return compareNodes(g, single(p)!, leaf);
  if (p.kind === 'scalar' && single(g)) return compareNodes(single(g)!, p, leaf);
  // one value written several ways ("15\frac{39}{40}, \frac{639}{40}"): every item equals the other side
  const bare = (n: AnswerNode) => n.kind === 'list' && n.open === '' && n.items.length > 1;
  const allOf = (rs: (boolean | null)[]) => (rs.includes(false) ? false : rs.includes(null) ? null : true);
  if (g.kind === 'scalar' && bare(p) && p.kind === 'list')
    return allOf(p.items.map((i) => compareNodes(g, i, leaf)));
  if (p.kind === 'scalar' && bare(g) && g.kind === 'list')
    return allOf(g.items.map((i) => compareNodes(i, p, leaf)));
  if (g.kind === 'matrix' && p.kind === 'matrix') {
    if (g.rows.length !== p.rows.length) return false;
    const gs = g.rows.flat();
    const ps = p.rows.flat();
    if (g.rows.some((r, i) => r.length !== p.rows[i]!.length)) return false;
    return matchOrdered(
      gs.map((text) => ({ kind: 'scalar', text })),
      ps.map((text) => ({ kind: 'scalar', text })),
      leaf,
    );
  }
  if (g.kind === 'union' && p.kind === 'union') {
    if (g.parts.length !== p.parts.length) return false;
    return matchUnordered(g.parts, p.parts, leaf);
  }
  if (g.kind === 'list' && p.kind === 'list') {
    if (g.items.length !== p.items.length) return false;
    const gSet = g.open === '{';
    const pSet = p.open === '{';
    const gBare = g.open === '';
    const pBare = p.open === '';
    if (gSet || pSet) {
      // a set equals a set or a bare list of the same elements, never a tuple or interval
      if (!(gSet || gBare) || !(pSet || pBare)) return false;
      return matchUnordered(g.items, p.items, leaf);
    }
    if (gBare || pBare) {
      // a bare list "1, -2" (solutions) matches the same values in any order, or a parenthesised tuple
      const other = gBare ? p : g;
      if (other.open === '' || (other.open === '(' && other.close === ')'))
        return matchUnordered(g.items, p.items, leaf);
      return false;
    }
    // tuples and intervals: the brackets carry meaning ([1,2) is not (1,2))
    if (g.open !== p.open || g.close !== p.close) return false;
    return matchOrdered(g.items, p.items, leaf);
  }
  return false;
}

/**
 * Compares two normalised answers structure first (tuples, intervals, sets, unions, matrices),
 * then element by element with `leaf`. Null when some element could not be decided.
 */
export function compareAnswers(gold: string, pred: string, leaf: LeafCompare): boolean | null {
  if (gold === pred) return true;
  return compareNodes(parseAnswer(gold), parseAnswer(pred), leaf);
}
