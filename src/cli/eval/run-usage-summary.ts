import type { Store } from '../../adapters/store/store.ts';
import { estimateCost, type PriceTable } from '../../core/engine/cost.ts';
import { tokenSplit, truncationRate, type UsageCounts } from '../../core/engine/truncation.ts';
import type { RunSpec } from '../../core/schema/index.ts';

/** Tokens (prompt, reasoning, answer), truncation and estimated cost of one run. */
export interface RunUsageSummary {
  tokens: { prompt: number; reasoning: number; answer: number };
  truncationRate: number;
  finishReasons: Record<string, number>;
  /** US dollars, from the price table; null without a price for the model. */
  costUsd: number | null;
}

/** The usage of a run that reported none. */
export const NO_USAGE: UsageCounts = {
  samples: 0,
  finishReasons: {},
  promptTokens: 0,
  completionTokens: 0,
  reasoningTokens: 0,
};

export function usageSummary(spec: RunSpec, u: UsageCounts, prices: PriceTable | null): RunUsageSummary {
  const model = spec.provider.args.model;
  return {
    tokens: tokenSplit(u),
    truncationRate: truncationRate(u),
    finishReasons: u.finishReasons,
    costUsd: estimateCost(u, prices, spec.model, ...(typeof model === 'string' ? [model] : [])),
  };
}

export async function runUsageSummary(
  store: Store,
  spec: RunSpec,
  prices: PriceTable | null,
): Promise<RunUsageSummary> {
  return usageSummary(spec, await store.runUsage(spec.id), prices);
}
