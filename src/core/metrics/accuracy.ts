import type { Metric } from '../task/task.ts';
import { groupByQuestion, metricFromQuestions, samplesPerQuestion } from './question-scores.ts';

/**
 * Mean score: per question the mean over its samples, then the mean over questions. With one sample
 * per question this is accuracy; with k samples it is pass@1 averaged over k. Partial credit counts.
 */
export function meanScore(name = 'accuracy'): Metric {
  return (samples) => {
    const groups = groupByQuestion(samples);
    const per = [...groups.values()].map((g) => g.reduce((s, x) => s + (x.value ?? 0), 0) / g.length);
    return metricFromQuestions(name, per, samplesPerQuestion(groups));
  };
}

/** Accuracy: the share of correct answers (verdict "correct"), per question then averaged. */
export const accuracy: Metric = (samples) => {
  const groups = groupByQuestion(samples);
  const per = [...groups.values()].map((g) => g.filter((x) => x.verdict === 'correct').length / g.length);
  return metricFromQuestions('accuracy', per, samplesPerQuestion(groups));
};

/** pass@1 averaged over the k samples of each question. */
export const passAt1: Metric = (samples) => ({ ...accuracy(samples), name: 'pass@1' });
