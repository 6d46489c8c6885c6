import type { EquivalencePool } from '../../adapters/equivalence-pool/equivalence-pool.ts';
import { extractMathAnswer } from '../../core/extract/extract-math-answer.ts';
import type { Scorer } from '../../core/task/task.ts';
import { noAnswerScore } from './no-answer-score.ts';

/** The error a sample records when the equivalence engine gave no verdict in time, twice. */
export const SCORER_TIMEOUT = 'scorer-timeout';
/** The error a sample records when the equivalence engine crashed on it, twice. */
export const SCORER_CRASH = 'scorer-crash';

/**
 * Scores a math response: the boxed / "final answer is" answer (else the last expression), compared with
 * the gold answer by the equivalence pool (normalised strings and numbers at once, symbolic checks in
 * workers with a time budget). A check the engine could not finish is verdict 'error' with reason
 * "scorer-timeout": excluded from scores and re-tried by rescore, never counted as incorrect.
 */
export function mathScorer(pool: () => EquivalencePool): Scorer {
  return async (completion, item) => {
    const found = extractMathAnswer(completion.text);
    if (!found) return noAnswerScore('none');
    const eq = await pool().check(item.target, found.answer);
    const scoring = {
      rule: found.method,
      extracted: found.answer,
      normalized: eq.normalized,
      method: eq.method,
    };
    if (eq.method === 'timeout' || eq.method === 'error') {
      const error = eq.method === 'timeout' ? SCORER_TIMEOUT : SCORER_CRASH;
      return { extracted: found.answer, verdict: 'error', value: null, scoring, error };
    }
    return {
      extracted: found.answer,
      verdict: eq.equal ? 'correct' : 'incorrect',
      value: eq.equal ? 1 : 0,
      scoring,
    };
  };
}
