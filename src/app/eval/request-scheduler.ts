import { setTimeout as sleep } from 'node:timers/promises';
import { ProviderError } from '../../adapters/providers/provider-error.ts';
import {
  failed,
  initialLimit,
  type LimitState,
  rateLimited,
  started,
  succeeded,
  waitBeforeStart,
} from '../../core/engine/adaptive-limit.ts';
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from '../../core/engine/backoff.ts';

export interface SchedulerOptions {
  concurrency: number;
  backoff?: BackoffPolicy;
  /** Rate-limit answers tolerated per request before it is given up (they do not use up retries). */
  maxRateLimited?: number;
  random?: () => number;
}

export interface Attempted<T> {
  value: T;
  attempts: number;
}

/**
 * Runs requests with bounded, adaptive concurrency: a 429 halves the in-flight limit and pauses
 * every start until its Retry-After; transient errors are retried with jittered exponential backoff;
 * other errors, and transient ones past the retry budget, are thrown as ProviderError.
 */
export class RequestScheduler {
  private state: LimitState;
  private readonly waiters: (() => void)[] = [];
  private readonly backoff: BackoffPolicy;
  private readonly maxRateLimited: number;
  private readonly random: () => number;
  private wakeTimer: NodeJS.Timeout | null = null;
  rateLimitedCount = 0;
  retriedCount = 0;

  constructor(options: SchedulerOptions) {
    this.state = initialLimit(options.concurrency);
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.maxRateLimited = options.maxRateLimited ?? 20;
    this.random = options.random ?? Math.random;
  }

  get limit(): number {
    return this.state.limit;
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const wait = waitBeforeStart(this.state, Date.now());
      if (wait === 0) {
        this.state = started(this.state);
        return;
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        if (Number.isFinite(wait) && !this.wakeTimer) {
          this.wakeTimer = setTimeout(() => {
            this.wakeTimer = null;
            this.wakeAll();
          }, wait);
        }
      });
    }
  }

  private wakeAll(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<Attempted<T>> {
    let retries = 0;
    let limited = 0;
    for (let attempts = 1; ; attempts++) {
      await this.acquire(signal);
      let error: ProviderError;
      try {
        const value = await fn();
        this.state = succeeded(this.state);
        this.wakeAll();
        return { value, attempts };
      } catch (err) {
        // Anything but a ProviderError (a model that cannot load, a bug) is not a failed request.
        if (!(err instanceof ProviderError)) {
          this.state = failed(this.state);
          this.wakeAll();
          throw err;
        }
        error = err;
      }
      if (error.kind === 'rate-limited') {
        this.state = rateLimited(this.state, Date.now(), error.retryAfterMs);
        this.rateLimitedCount++;
        this.wakeAll();
        if (++limited > this.maxRateLimited) throw error;
        continue;
      }
      this.state = failed(this.state);
      this.wakeAll();
      if (!error.retryable || retries >= this.backoff.maxRetries || signal?.aborted) throw error;
      this.retriedCount++;
      await sleep(backoffDelay(retries++, this.random(), this.backoff), undefined, { signal });
    }
  }
}
