/** Tokens and finish reasons of a run, as the store sums them. */
export interface UsageCounts {
  samples: number;
  finishReasons: Record<string, number>;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
}

/** Above this share of truncated samples the summary warns. */
export const TRUNCATION_WARN_ABOVE = 0.01;

/** Share of the samples with a response that stopped at the token limit (finish reason `length`). */
export function truncationRate(u: UsageCounts): number {
  const answered = u.samples - (u.finishReasons.error ?? 0);
  return answered > 0 ? (u.finishReasons.length ?? 0) / answered : 0;
}

/** Tokens split into prompt, reasoning and answer (answer = generated minus reasoning). */
export function tokenSplit(u: UsageCounts): { prompt: number; reasoning: number; answer: number } {
  return {
    prompt: u.promptTokens,
    reasoning: u.reasoningTokens,
    answer: Math.max(0, u.completionTokens - u.reasoningTokens),
  };
}

/** The warning for a run whose truncation rate is above 1%, naming the flag that raises the budget; else null. */
export function truncationWarning(runId: string, maxTokens: unknown, u: UsageCounts): string | null {
  const rate = truncationRate(u);
  if (rate <= TRUNCATION_WARN_ABOVE) return null;
  const n = u.finishReasons.length ?? 0;
  const budget = typeof maxTokens === 'number' ? ` of ${maxTokens} tokens` : '';
  return (
    `${runId}: ${(rate * 100).toFixed(1)}% of samples (${n}) hit the generation budget${budget} and were ` +
    'scored as truncated: raise it with --max-tokens (maxTokens in a suite)'
  );
}
