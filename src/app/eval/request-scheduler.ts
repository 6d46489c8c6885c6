import { setTimeout as sleep } from 'node:timers/promises';
import { ProviderError } from '../../adapters/providers/provider-error.ts';
import type { BudgetPermit, EndpointBudget } from '../../adapters/queue/endpoint-budget.ts';
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
import { type RateLimits, RateWindow } from '../../core/engine/rate-window.ts';

/** Why the run is waiting, and until when (epoch ms); null when it is not waiting. */
export type WaitNotice = { reason: string; untilMs: number } | null;

export interface SchedulerOptions {
  concurrency: number;
  backoff?: BackoffPolicy;
  /** Rate-limit answers tolerated per request before it is given up (they do not use up retries). */
  maxRateLimited?: number;
  /** The longest Retry-After honoured; a longer one waits this long (default 60 s). */
  maxRetryAfterMs?: number;
  /** Requests and tokens per minute allowed to the endpoint. */
  rate?: Partial<RateLimits>;
  /** Told when starts are held back for longer than a second (a rate limit), and when they resume. */
  onWait?: (notice: WaitNotice) => void;
  random?: () => number;
  /**
   * Limits shared with every other process sending to the endpoint (the workers of a queued run):
   * after the local limits let a request start it takes a permit of `budget`, gives it back with the
   * tokens used, and a 429 pauses every process. Without it only this process's limits apply.
   */
  shared?: SharedBudget;
}

export interface SharedBudget {
  budget: EndpointBudget;
  endpoint: string;
  /** Tokens a request is expected to use until some have ended (e.g. prompt plus max tokens); default 0. */
  estimatedTokens?: number;
}

export interface Attempted<T> {
  value: T;
  attempts: number;
}

export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

/**
 * Runs requests with bounded, adaptive concurrency: a 429 halves the in-flight limit and pauses
 * every start until its Retry-After (capped); requests- and tokens-per-minute limits hold starts
 * back; transient errors are retried with jittered exponential backoff; other errors, and transient
 * ones past the retry budget, are thrown as ProviderError.
 */
export class RequestScheduler {
  private state: LimitState;
  private readonly waiters: (() => void)[] = [];
  private readonly backoff: BackoffPolicy;
  private readonly maxRateLimited: number;
  private readonly maxRetryAfterMs: number;
  private readonly window: RateWindow;
  private readonly onWait: (notice: WaitNotice) => void;
  private readonly random: () => number;
  private wakeTimer: NodeJS.Timeout | null = null;
  private wakeAt = 0;
  private waiting: string | null = null;
  private readonly shared: SharedBudget | null;
  private tokensSeen = { sum: 0, n: 0 };
  rateLimitedCount = 0;
  retriedCount = 0;

  constructor(options: SchedulerOptions) {
    this.state = initialLimit(options.concurrency);
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.maxRateLimited = options.maxRateLimited ?? 20;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
    this.window = new RateWindow({ rpm: options.rate?.rpm ?? null, tpm: options.rate?.tpm ?? null });
    this.onWait = options.onWait ?? (() => undefined);
    this.random = options.random ?? Math.random;
    this.shared = options.shared ?? null;
  }

  /** Tokens the next request is expected to use: the mean of those that ended, else the given estimate. */
  private estimatedTokens(): number {
    const { sum, n } = this.tokensSeen;
    return n > 0 ? sum / n : (this.shared?.estimatedTokens ?? 0);
  }

  /** Takes a permit of the shared budget once the local limits let the request start. */
  private async acquireShared(signal?: AbortSignal): Promise<BudgetPermit | null> {
    if (!this.shared) return null;
    try {
      return await this.shared.budget.acquire(this.shared.endpoint, this.estimatedTokens(), signal);
    } catch (err) {
      this.state = failed(this.state);
      this.wakeAll();
      throw err;
    }
  }

  get limit(): number {
    return this.state.limit;
  }

  private notify(reason: string | null, untilMs: number): void {
    if (reason === this.waiting) return;
    this.waiting = reason;
    this.onWait(reason === null ? null : { reason, untilMs });
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = Date.now();
      const paused = waitBeforeStart(this.state, now);
      const rate = this.window.wait(now);
      const wait = Math.max(paused, rate.ms);
      if (wait === 0) {
        this.state = started(this.state);
        this.window.started(now);
        this.notify(null, 0);
        return;
      }
      if (Number.isFinite(wait) && wait >= 1000) {
        const reason =
          rate.ms >= paused
            ? `${rate.limit === 'rpm' ? 'requests' : 'tokens'}-per-minute limit`
            : 'rate limited by the server (HTTP 429, Retry-After)';
        this.notify(reason, now + wait);
      }
      await new Promise<void>((resolve) => {
        // An abort wakes this waiter; with nobody left waiting the wake-up timer goes too.
        const onAbort = () => {
          const i = this.waiters.indexOf(wake);
          if (i >= 0) this.waiters.splice(i, 1);
          if (this.waiters.length === 0 && this.wakeTimer) {
            clearTimeout(this.wakeTimer);
            this.wakeTimer = null;
          }
          resolve();
        };
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiters.push(wake);
        if (Number.isFinite(wait) && (!this.wakeTimer || now + wait < this.wakeAt)) {
          if (this.wakeTimer) clearTimeout(this.wakeTimer);
          this.wakeAt = now + wait;
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

  /**
   * Runs `fn` under the limits; `tokens` counts what a result used, for the tokens-per-minute limit.
   * With `retry: false` a failed request is thrown at once (a 429 still pauses the endpoint).
   */
  async run<T>(
    fn: () => Promise<T>,
    signal?: AbortSignal,
    tokens?: (value: T) => number,
    options: { retry?: boolean } = {},
  ): Promise<Attempted<T>> {
    const retry = options.retry ?? true;
    let retries = 0;
    let limited = 0;
    for (let attempts = 1; ; attempts++) {
      await this.acquire(signal);
      const permit = await this.acquireShared(signal);
      let error: ProviderError;
      try {
        const value = await fn();
        this.state = succeeded(this.state);
        const used = tokens ? tokens(value) : 0;
        if (tokens) this.window.used(used, Date.now());
        this.wakeAll();
        if (permit) {
          if (tokens) this.tokensSeen = { sum: this.tokensSeen.sum + used, n: this.tokensSeen.n + 1 };
          await permit.release(used);
        }
        return { value, attempts };
      } catch (err) {
        // Anything but a ProviderError (a model that cannot load, a bug) is not a failed request.
        if (!(err instanceof ProviderError)) {
          this.state = failed(this.state);
          this.wakeAll();
          await permit?.release(0);
          throw err;
        }
        error = err;
      }
      if (error.kind === 'rate-limited') {
        const pause = Math.min(error.retryAfterMs ?? 1000, this.maxRetryAfterMs);
        // Every process holds off before this request's slot is given back.
        if (this.shared) await this.shared.budget.pause(this.shared.endpoint, Date.now() + pause);
        await permit?.release(0);
        this.state = rateLimited(this.state, Date.now(), pause);
        this.rateLimitedCount++;
        this.wakeAll();
        if (++limited > this.maxRateLimited || !retry) throw error;
        continue;
      }
      await permit?.release(0);
      this.state = failed(this.state);
      this.wakeAll();
      if (!retry || !error.retryable || retries >= this.backoff.maxRetries || signal?.aborted) throw error;
      this.retriedCount++;
      await sleep(backoffDelay(retries++, this.random(), this.backoff), undefined, { signal });
    }
  }
}
