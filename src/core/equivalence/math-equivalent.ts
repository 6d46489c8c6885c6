import { normalizeLatex } from '../extract/normalize-latex.ts';
import { compareAnswers } from './compare-answers.ts';
import { quickLeaf } from './quick-leaf.ts';
import { type Equivalence, quickEquivalent } from './quick-equivalent.ts';
import { symbolicLeaf } from './symbolic-leaf.ts';

export type { Equivalence, EquivalenceMethod } from './quick-equivalent.ts';

/** The full check: quick first, the symbolic engine for what is left. Synchronous and unbounded. */
export function mathEquivalent(gold: string, pred: string): Equivalence {
  const quick = quickEquivalent(gold, pred);
  if (quick) return quick;
  const g = normalizeLatex(gold);
  const p = normalizeLatex(pred);
  const r = compareAnswers(g, p, (x, y) => quickLeaf(x, y) ?? symbolicLeaf(x, y));
  return { equal: r === true, method: 'symbolic' };
}
