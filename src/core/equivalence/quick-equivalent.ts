import { normalizeLatex } from '../extract/normalize-latex.ts';
import type { EquivalenceMethod } from '../schema/scoring.ts';
import { parseAnswer } from './answer-structure.ts';
import { compareAnswers } from './compare-answers.ts';
import { plainNumber, quickLeaf } from './quick-leaf.ts';

export type { EquivalenceMethod } from '../schema/scoring.ts';

export interface Equivalence {
  equal: boolean;
  method: EquivalenceMethod;
  /** The normalised forms that were compared. */
  normalized: { gold: string; answer: string };
}

/** Which cheap comparison decided a pair: numbers, structure (tuples, sets...) or text. */
export function quickMethod(gold: string, pred: string): EquivalenceMethod {
  const g = parseAnswer(gold);
  const p = parseAnswer(pred);
  if (g.kind !== 'scalar' || p.kind !== 'scalar') return 'structural';
  return plainNumber(g.text) !== null && plainNumber(p.text) !== null ? 'numeric' : 'exact';
}

const DEGREES = /\^\s*\{\s*\\circ\s*\}|\^\s*\\circ|°|\\degree|\bdegrees?\b/;
const PI = /\\pi(?![a-zA-Z])/;

/**
 * The normalised forms of a pair, as compared. An angle in degrees against one in radians (a side with
 * \pi) is compared in radians: 150^\circ and \frac{5\pi}{6} are the same answer.
 */
export function normalizePair(gold: string, pred: string): { gold: string; answer: string } {
  let g = normalizeLatex(gold);
  let p = normalizeLatex(pred);
  const inRadians = (s: string) => `\\frac{${s}\\pi}{180}`;
  if (DEGREES.test(gold) && !PI.test(gold) && PI.test(p) && plainNumber(g) !== null) g = inRadians(g);
  else if (DEGREES.test(pred) && !PI.test(pred) && PI.test(g) && plainNumber(p) !== null) p = inRadians(p);
  return { gold: g, answer: p };
}

/**
 * The cheap half of the check: normalised strings, plain numbers, words, and the structure of
 * tuples, intervals, sets and matrices. Null when some element needs the symbolic engine.
 */
export function quickEquivalent(gold: string, pred: string): Equivalence | null {
  const normalized = normalizePair(gold, pred);
  const { gold: g, answer: p } = normalized;
  if (g === p) return { equal: true, method: 'exact', normalized };
  const r = compareAnswers(g, p, quickLeaf);
  return r === null ? null : { equal: r, method: quickMethod(g, p), normalized };
}
