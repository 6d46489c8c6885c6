import type { Metric } from '../task/task.ts';
import { groupByQuestion, metricFromQuestions, samplesPerQuestion } from './question-scores.ts';

/**
 * The share of samples from which no answer could be extracted (verdict "no-answer"), per question
 * then averaged, so a run always shows how much of its score rests on extraction.
 */
export const extractionFailureRate: Metric = (samples) => {
  const groups = groupByQuestion(samples);
  const per = [...groups.values()].map((g) => g.filter((s) => s.verdict === 'no-answer').length / g.length);
  return metricFromQuestions('extraction-failure-rate', per, samplesPerQuestion(groups));
};
