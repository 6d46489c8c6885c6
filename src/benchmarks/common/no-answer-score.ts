import type { ExtractionRule } from '../../core/schema/index.ts';
import type { Score } from '../../core/task/task.ts';

/** The score of a response from which no answer was read, with the rule that said so ("none", "hedged", ...). */
export function noAnswerScore(rule: ExtractionRule): Score {
  return {
    extracted: null,
    verdict: 'no-answer',
    value: 0,
    scoring: { rule, extracted: null, normalized: null, method: null },
  };
}
