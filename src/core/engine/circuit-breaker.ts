/**
 * When a run should stop instead of recording errors: after `maxConsecutive` transport failures in a
 * row (the endpoint went away), or when more than `maxErrorRate` of at least `minRequests` requests
 * failed. Pure state: `recordRequest` returns the next state, `tripped` says why it opened.
 */
export interface BreakerPolicy {
  maxConsecutive: number;
  maxErrorRate: number;
  minRequests: number;
}

export const DEFAULT_BREAKER: BreakerPolicy = { maxConsecutive: 20, maxErrorRate: 0.5, minRequests: 50 };

export interface BreakerState {
  consecutive: number;
  requests: number;
  failures: number;
  /** Why the breaker opened; null while closed. */
  tripped: string | null;
}

export const closedBreaker: BreakerState = { consecutive: 0, requests: 0, failures: 0, tripped: null };

/** Accounts one finished request: `failure` is the final error message (after retries) or null. */
export function recordRequest(
  s: BreakerState,
  failure: string | null,
  policy: BreakerPolicy = DEFAULT_BREAKER,
): BreakerState {
  if (s.tripped) return s;
  const next = {
    consecutive: failure === null ? 0 : s.consecutive + 1,
    requests: s.requests + 1,
    failures: s.failures + (failure === null ? 0 : 1),
    tripped: null as string | null,
  };
  if (failure !== null && next.consecutive >= policy.maxConsecutive)
    next.tripped = `${next.consecutive} requests failed in a row, the last with: ${failure}`;
  else if (
    failure !== null &&
    next.requests >= policy.minRequests &&
    next.failures / next.requests > policy.maxErrorRate
  )
    next.tripped = `${next.failures} of ${next.requests} requests failed (over ${Math.round(policy.maxErrorRate * 100)}%), the last with: ${failure}`;
  return next;
}
