export interface BackoffPolicy {
  /** Delay before the first retry, before jitter. */
  baseMs: number;
  /** No delay exceeds this. */
  maxMs: number;
  /** Retries after the first attempt for transient errors. */
  maxRetries: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 30_000, maxRetries: 5 };

/**
 * "Full jitter" exponential backoff: a delay drawn uniformly from [0, min(max, base * 2^attempt)].
 * `random` is a number in [0, 1) supplied by the caller, so the schedule is testable.
 */
export function backoffDelay(
  attempt: number,
  random: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt));
  const r = Math.min(Math.max(random, 0), 1);
  return Math.floor(cap * (0.5 + r / 2));
}
