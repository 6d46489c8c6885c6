/**
 * Adaptive concurrency for one endpoint: the number of requests allowed in flight shrinks by half on
 * each 429 and grows back by one per `recoverAfter` successes (AIMD); during a Retry-After window
 * no request starts. Pure: the caller supplies the clock.
 */
export interface LimitState {
  max: number;
  limit: number;
  inFlight: number;
  pausedUntil: number;
  successes: number;
  recoverAfter: number;
}

export function initialLimit(max: number, recoverAfter = 8): LimitState {
  return { max, limit: max, inFlight: 0, pausedUntil: 0, successes: 0, recoverAfter };
}

/** Milliseconds until a request may start (0: now); Infinity when the in-flight limit is reached. */
export function waitBeforeStart(s: LimitState, now: number): number {
  if (now < s.pausedUntil) return s.pausedUntil - now;
  return s.inFlight < s.limit ? 0 : Number.POSITIVE_INFINITY;
}

export function started(s: LimitState): LimitState {
  return { ...s, inFlight: s.inFlight + 1 };
}

export function succeeded(s: LimitState): LimitState {
  const successes = s.successes + 1;
  const grow = s.limit < s.max && successes >= s.recoverAfter;
  return {
    ...s,
    inFlight: Math.max(0, s.inFlight - 1),
    limit: grow ? s.limit + 1 : s.limit,
    successes: grow ? 0 : successes,
  };
}

/** A request ended with an error other than a rate limit. */
export function failed(s: LimitState): LimitState {
  return { ...s, inFlight: Math.max(0, s.inFlight - 1) };
}

/**
 * A 429: halve the limit and pause every start until Retry-After (1 s when the server gave none).
 * Requests already in flight were sent under the old limit: their successes do not count towards recovery.
 */
export function rateLimited(s: LimitState, now: number, retryAfterMs: number | null): LimitState {
  const pause = retryAfterMs ?? 1000;
  const inFlight = Math.max(0, s.inFlight - 1);
  return {
    ...s,
    inFlight,
    limit: Math.max(1, Math.floor(s.limit / 2)),
    successes: -inFlight,
    pausedUntil: Math.max(s.pausedUntil, now + pause),
  };
}
