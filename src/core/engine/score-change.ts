import type { SampleRecord } from '../schema/index.ts';

/** What a sample's scoring was, in the terms a change is explained in. */
export interface ScoreState {
  verdict: SampleRecord['verdict'];
  extracted: string | null;
  rule: string | null;
  method: string | null;
  answer: string | null;
  error: string | null;
  scorerVersion: string | null;
}

/** One sample whose verdict or extracted answer changed on rescoring, with the reasons. */
export interface ScoreChange {
  itemId: string;
  sampleIndex: number;
  before: ScoreState;
  after: ScoreState;
  /** Why, in order: scorer version, a retried error, the extraction rule, the extracted text, the compared form, the method. */
  why: string[];
}

/** The scoring state of a stored sample. */
export function scoreState(s: SampleRecord): ScoreState {
  return {
    verdict: s.verdict,
    extracted: s.extracted,
    rule: s.scoring?.rule ?? null,
    method: s.scoring?.method ?? null,
    answer: s.scoring?.normalized?.answer ?? null,
    error: s.error,
    scorerVersion: s.scorerVersion,
  };
}

const show = (v: string | null) => (v === null ? 'none' : JSON.stringify(v));

/**
 * The change between two scorings of one sample, or null when the verdict and the extracted answer are
 * the same. The reasons name each part that differs; a sample scored before provenance was recorded
 * reports its rule and method as unknown.
 */
export function scoreChange(
  key: { itemId: string; sampleIndex: number },
  before: ScoreState,
  after: ScoreState,
): ScoreChange | null {
  if (before.verdict === after.verdict && before.extracted === after.extracted) return null;
  const why: string[] = [];
  if (before.scorerVersion !== after.scorerVersion)
    why.push(`scorer ${before.scorerVersion ?? 'unknown'} -> ${after.scorerVersion ?? 'unknown'}`);
  if (before.verdict === 'error') why.push(`re-tried after ${before.error ?? 'an error'}`);
  if (before.rule !== after.rule)
    why.push(`extraction rule ${before.rule ?? 'unknown'} -> ${after.rule ?? 'none'}`);
  if (before.extracted !== after.extracted)
    why.push(`extracted ${show(before.extracted)} -> ${show(after.extracted)}`);
  else if (before.answer !== after.answer && before.answer !== null)
    why.push(`normalised answer ${show(before.answer)} -> ${show(after.answer)}`);
  if (before.method !== after.method)
    why.push(`equivalence ${before.method ?? 'unknown'} -> ${after.method ?? 'none'}`);
  if (after.verdict === 'error') why.push(after.error ?? 'error');
  if (why.length === 0) why.push('same answer, judged differently');
  return { ...key, before, after, why };
}
