import type { Generation } from '../../adapters/providers/provider.ts';
import { DEFAULT_BACKOFF } from '../../core/engine/backoff.ts';
import type { RunSpec } from '../../core/schema/index.ts';
import type { SchedulerOptions, WaitNotice } from './request-scheduler.ts';

/** The request scheduler a run's spec asks for: concurrency, rate limits and retry policy. */
export function schedulerSettings(spec: RunSpec, onWait: (notice: WaitNotice) => void): SchedulerOptions {
  const l = spec.requestLimits;
  return {
    concurrency: spec.concurrency,
    backoff: { ...DEFAULT_BACKOFF, maxRetries: l.maxRetries },
    maxRetryAfterMs: l.maxRetryAfterMs,
    rate: { rpm: l.rpm, tpm: l.tpm },
    onWait,
  };
}

/** Tokens a generation used, for the tokens-per-minute limit. */
export const usedTokens = (g: Generation): number => (g.promptTokens ?? 0) + (g.completionTokens ?? 0);
