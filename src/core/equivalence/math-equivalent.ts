import { compareAnswers } from './compare-answers.ts';
import { quickLeaf } from './quick-leaf.ts';
import { type Equivalence, normalizePair, quickEquivalent } from './quick-equivalent.ts';
import { symbolicLeaf } from './symbolic-leaf.ts';

export type { Equivalence, EquivalenceMethod } from './quick-equivalent.ts';

/** The full check: quick first, the symbolic engine for what is left. Synchronous and unbounded. */
export function mathEquivalent(gold: string, pred: string): Equivalence {
  const quick = quickEquivalent(gold, pred);
  if (quick) return quick;
  const normalized = normalizePair(gold, pred);
  const r = compareAnswers(
    normalized.gold,
    normalized.answer,
    (x, y) => quickLeaf(x, y) ?? symbolicLeaf(x, y),
  );
  return { equal: r === true, method: 'symbolic', normalized };
}
