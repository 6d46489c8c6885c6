import type { Metric, ScoredSample } from '../task/task.ts';
import { groupByQuestion, metricFromQuestions, samplesPerQuestion } from './question-scores.ts';

/** Whether two extracted answers are the same answer (for voting). */
export type SameAnswer = (a: string, b: string) => boolean;

const identical: SameAnswer = (a, b) => a === b;

/**
 * Majority vote over one question's samples: answers are grouped with `same` (identical text by
 * default; math benchmarks pass an equivalence check, so "\frac{1}{2}" and "0.5" vote together),
 * the largest group wins (ties go to the group seen first; samples without an answer do not vote),
 * and the vote is correct when that group's first answer was judged correct.
 */
export function majorityVote(
  samples: readonly ScoredSample[],
  same: SameAnswer = identical,
): { answer: string | null; correct: boolean } {
  const groups: { answer: string; count: number; correct: boolean }[] = [];
  for (const s of samples) {
    if (s.extracted === null) continue;
    const answer = s.extracted;
    const g = groups.find((x) => same(x.answer, answer));
    if (g) g.count++;
    else groups.push({ answer, count: 1, correct: s.verdict === 'correct' });
  }
  let best: (typeof groups)[number] | null = null;
  for (const g of groups) if (!best || g.count > best.count) best = g;
  return best ? { answer: best.answer, correct: best.correct } : { answer: null, correct: false };
}

/**
 * maj@k: per question, a majority vote over its first k samples (all samples when k is null),
 * scored 1 when the winning answer is correct. Votes are grouped by `same`.
 */
export function majAtK(k: number | null = null, same: SameAnswer = identical): Metric {
  return (samples) => {
    const groups = groupByQuestion(samples);
    const kk = k ?? samplesPerQuestion(groups);
    const per: number[] = [];
    for (const g of groups.values()) {
      if (g.length < kk) continue;
      per.push(majorityVote(g.slice(0, kk), same).correct ? 1 : 0);
    }
    return metricFromQuestions(`maj@${kk}`, per, kk);
  };
}
