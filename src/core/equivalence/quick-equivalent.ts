import { normalizeLatex } from '../extract/normalize-latex.ts';
import { compareAnswers } from './compare-answers.ts';
import { quickLeaf } from './quick-leaf.ts';

export type EquivalenceMethod = 'string' | 'quick' | 'symbolic' | 'timeout' | 'too-large' | 'error';

export interface Equivalence {
  equal: boolean;
  method: EquivalenceMethod;
}

/**
 * The cheap half of the check: normalised strings, plain numbers, words, and the structure of
 * tuples, intervals, sets and matrices. Null when some element needs the symbolic engine.
 */
export function quickEquivalent(gold: string, pred: string): Equivalence | null {
  const g = normalizeLatex(gold);
  const p = normalizeLatex(pred);
  if (g === p) return { equal: true, method: 'string' };
  const r = compareAnswers(g, p, quickLeaf);
  return r === null ? null : { equal: r, method: 'quick' };
}
