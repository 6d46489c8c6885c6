/** Requests-per-minute and tokens-per-minute limits of one endpoint; null: no limit. */
export interface RateLimits {
  rpm: number | null;
  tpm: number | null;
}

const MINUTE = 60_000;

/**
 * A sliding one-minute window of request starts and tokens used. `wait` says how long until one more
 * request may start without exceeding either limit. The caller supplies the clock.
 */
export class RateWindow {
  private readonly limits: RateLimits;
  private readonly starts: number[] = [];
  private readonly tokens: { at: number; n: number }[] = [];

  constructor(limits: RateLimits) {
    this.limits = limits;
  }

  private prune(now: number): void {
    while (this.starts.length && this.starts[0]! <= now - MINUTE) this.starts.shift();
    while (this.tokens.length && this.tokens[0]!.at <= now - MINUTE) this.tokens.shift();
  }

  /** Milliseconds until a request may start (0: now), and which limit holds it. */
  wait(now: number): { ms: number; limit: 'rpm' | 'tpm' | null } {
    this.prune(now);
    const { rpm, tpm } = this.limits;
    let ms = 0;
    let limit: 'rpm' | 'tpm' | null = null;
    if (rpm !== null && this.starts.length >= rpm) {
      ms = this.starts[this.starts.length - rpm]! + MINUTE - now;
      limit = 'rpm';
    }
    if (tpm !== null) {
      let used = this.tokens.reduce((a, t) => a + t.n, 0);
      // The window frees tokens as its oldest entries age out.
      for (const t of this.tokens) {
        if (used < tpm) break;
        used -= t.n;
        const free = t.at + MINUTE - now;
        if (free > ms) {
          ms = free;
          limit = 'tpm';
        }
      }
    }
    return { ms: Math.max(0, ms), limit: ms > 0 ? limit : null };
  }

  started(now: number): void {
    if (this.limits.rpm !== null) this.starts.push(now);
  }

  used(tokens: number, now: number): void {
    if (this.limits.tpm !== null && tokens > 0) this.tokens.push({ at: now, n: tokens });
  }
}
