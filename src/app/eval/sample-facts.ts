import { normalizeFinishReason } from '../../core/engine/finish-reason.ts';
import type { SampleRecord } from '../../core/schema/index.ts';
import type { CachedGeneration } from './cached-generation.ts';

/** Finish reason and reasoning tokens of a sample, from the generation it came from. */
export function generationFacts(g: CachedGeneration): Pick<SampleRecord, 'finishReason' | 'reasoningTokens'> {
  const completion = g.completions[0];
  // A thinking block that never closed means the budget ran out even if the server said "stop".
  const finish = completion?.unclosed ? 'length' : normalizeFinishReason(g.finishReason);
  return { finishReason: finish, reasoningTokens: g.reasoningTokens ?? null };
}

/** Reasoning without an answer: an unclosed thinking block, or an empty answer beside a reasoning field. */
export function hasNoAnswer(c: { text: string; reasoning: string | null; unclosed?: boolean }): boolean {
  return c.unclosed === true || (c.text.trim() === '' && Boolean(c.reasoning));
}

/** How a sample with no answer is recorded: scored as no answer (wrong), nothing extracted. */
export const NO_ANSWER = { extracted: null, verdict: 'no-answer', score: 0 } as const;
