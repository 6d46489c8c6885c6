import type { SampleRecord } from '../../core/schema/index.ts';
import type { Completion, Item, Task } from '../../core/task/task.ts';
import { hasNoAnswer, NO_ANSWER } from './sample-facts.ts';

/** The fields of a sample that scoring decides. */
export type ScoredFields = Pick<SampleRecord, 'extracted' | 'verdict' | 'score' | 'scoring' | 'error'>;

/**
 * Scores one answer as an evaluation and `rescore` both do: reasoning without an answer is no answer
 * (never scored on its trace), a scorer that throws leaves an error sample, never a wrong answer.
 */
export async function scoreAnswer(
  task: Task,
  completion: Completion & { unclosed?: boolean },
  item: Item,
): Promise<ScoredFields> {
  if (hasNoAnswer(completion)) return { ...NO_ANSWER, scoring: null, error: null };
  try {
    const score = await task.scorer(completion, item);
    return {
      extracted: score.extracted,
      verdict: score.verdict,
      score: score.value,
      scoring: score.scoring ?? null,
      error: score.error ?? null,
    };
  } catch (err) {
    return {
      extracted: null,
      verdict: 'error',
      score: null,
      scoring: null,
      error: `scorer failed: ${(err as Error).message}`,
    };
  }
}
