import type { Metric, ScoredSample } from '../task/task.ts';
import { groupByQuestion, metricFromQuestions, samplesPerQuestion } from './question-scores.ts';

/**
 * Majority vote over one question's samples: the most frequent extracted answer (ties go to the
 * answer seen first; samples without an answer do not vote) and whether it was judged correct.
 */
export function majorityVote(samples: readonly ScoredSample[]): { answer: string | null; correct: boolean } {
  const votes = new Map<string, { count: number; first: number; correct: boolean }>();
  samples.forEach((s, i) => {
    if (s.extracted === null) return;
    const v = votes.get(s.extracted);
    if (v) v.count++;
    else votes.set(s.extracted, { count: 1, first: i, correct: s.verdict === 'correct' });
  });
  let best: [string, { count: number; first: number; correct: boolean }] | null = null;
  for (const e of votes) {
    if (!best || e[1].count > best[1].count || (e[1].count === best[1].count && e[1].first < best[1].first))
      best = e;
  }
  return best ? { answer: best[0], correct: best[1].correct } : { answer: null, correct: false };
}

/**
 * maj@k: per question, a majority vote over its first k samples (all samples when k is null),
 * scored 1 when the winning answer is correct. Votes are grouped by the extracted answer's text.
 */
export function majAtK(k: number | null = null): Metric {
  return (samples) => {
    const groups = groupByQuestion(samples);
    const kk = k ?? samplesPerQuestion(groups);
    const per: number[] = [];
    for (const g of groups.values()) {
      if (g.length < kk) continue;
      per.push(majorityVote(g.slice(0, kk)).correct ? 1 : 0);
    }
    return metricFromQuestions(`maj@${kk}`, per, kk);
  };
}
