export interface ProgressCounts {
  /** Samples recorded, those of earlier executions of the run included. */
  done: number;
  /** Samples already recorded when this execution started (a resume): they do not count towards rates. */
  resumed: number;
  total: number;
  errors: number;
  cached: number;
  requests: number;
  tokens: number;
  /** Why no request is starting (a rate limit), and until when (epoch ms); absent or null: not waiting. */
  waiting?: { reason: string; untilMs: number } | null;
}

export interface ProgressRates {
  requestsPerSec: number;
  tokensPerSec: number;
  /** Seconds left at the current rate; null before anything finished. */
  etaSec: number | null;
  fraction: number;
}

/** Rates over the elapsed time; ETA from the rate at which samples complete. */
export function progressRates(c: ProgressCounts, elapsedMs: number): ProgressRates {
  const secs = Math.max(elapsedMs, 1) / 1000;
  const perSec = Math.max(0, c.done - c.resumed) / secs;
  const left = Math.max(0, c.total - c.done);
  return {
    requestsPerSec: c.requests / secs,
    tokensPerSec: c.tokens / secs,
    etaSec: left === 0 ? 0 : perSec > 0 ? left / perSec : null,
    fraction: c.total > 0 ? Math.min(1, c.done / c.total) : 1,
  };
}

/** "1:02:03", "4:05", "0:07". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
