import type { EquivalencePool } from '../../adapters/equivalence-pool/equivalence-pool.ts';
import { extractMathAnswer } from '../../core/extract/extract-math-answer.ts';
import type { Scorer } from '../../core/task/task.ts';

/**
 * Scores a math response: the boxed / "final answer is" answer, compared with the gold answer by the
 * equivalence pool (normalised strings and numbers at once, symbolic checks in workers with a timeout).
 */
export function mathScorer(pool: () => EquivalencePool): Scorer {
  return async (completion, item) => {
    const found = extractMathAnswer(completion.text);
    if (!found) return { extracted: null, verdict: 'no-answer', value: 0 };
    const eq = await pool().check(item.target, found.answer);
    return {
      extracted: found.answer,
      verdict: eq.equal ? 'correct' : 'incorrect',
      value: eq.equal ? 1 : 0,
      details: { extraction: found.method, equivalence: eq.method },
    };
  };
}
