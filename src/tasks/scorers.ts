import type { Scorer } from '../core/task/task.ts';
import { scoreNumber } from './arithmetic/arithmetic-task.ts';

/** The last number of the answer equals the target. */
export const numberScorer: Scorer = (completion, item) => scoreNumber(completion.text, item);

/** The answer, trimmed and case-folded, equals the target. */
export const exactMatchScorer: Scorer = (completion, item) => {
  const got = completion.text.trim();
  if (!got) return { extracted: null, verdict: 'no-answer', value: 0 };
  const ok = got.toLowerCase() === item.target.trim().toLowerCase();
  return { extracted: got, verdict: ok ? 'correct' : 'incorrect', value: ok ? 1 : 0 };
};
