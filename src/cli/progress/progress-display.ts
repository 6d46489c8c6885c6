import { formatDuration, type ProgressCounts, progressRates } from '../../core/engine/progress-math.ts';

/** One status line: done/total, ETA, requests/s, tokens/s, errors, cache hits (most important first). */
export function progressLine(label: string, c: ProgressCounts, elapsedMs: number, width = 24): string {
  const r = progressRates(c, elapsedMs);
  const filled = Math.round(r.fraction * width);
  const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
  const eta = r.etaSec === null ? '--' : formatDuration(r.etaSec);
  const waiting = c.waiting
    ? `  waiting ${formatDuration(Math.max(0, c.waiting.untilMs - Date.now()) / 1000)}: ${c.waiting.reason}`
    : '';
  return (
    `${label} [${bar}] ${c.done}/${c.total}  ETA ${eta}  ${r.requestsPerSec.toFixed(1)} req/s  ` +
    `${Math.round(r.tokensPerSec)} tok/s  errors ${c.errors}  cached ${c.cached}${waiting}`
  );
}

/**
 * A live progress line on a TTY, redrawn at most 10 times a second. Off a TTY it prints nothing:
 * the results table at the end is the output.
 */
export class ProgressDisplay {
  private readonly out: NodeJS.WriteStream;
  private readonly enabled: boolean;
  private last = 0;
  private started = performance.now();
  private label = '';
  private counts: ProgressCounts | null = null;
  private waitingShown: string | null = null;
  private ticker: NodeJS.Timeout | null = null;

  constructor(out: NodeJS.WriteStream = process.stderr) {
    this.out = out;
    this.enabled = Boolean(out.isTTY);
  }

  start(label: string): void {
    this.label = label;
    this.started = performance.now();
    this.last = 0;
    this.counts = null;
  }

  update(c: ProgressCounts): void {
    this.counts = c;
    // Off a TTY a wait is still said once, so a log shows why the run paused.
    const waiting = c.waiting?.reason ?? null;
    if (!this.enabled && waiting && waiting !== this.waitingShown)
      this.out.write(
        `${this.label}: waiting ${formatDuration(Math.max(0, c.waiting!.untilMs - Date.now()) / 1000)}: ${waiting}\n`,
      );
    this.waitingShown = waiting;
    // On a TTY the wait counts down: nothing else redraws the line while no request runs.
    if (this.enabled && waiting && !this.ticker) this.ticker = setInterval(() => this.draw(), 1000).unref();
    if (!waiting) this.stopTicker();
    const now = performance.now();
    if (!this.enabled || now - this.last < 100) return;
    this.last = now;
    this.draw();
  }

  private draw(): void {
    if (!this.counts) return;
    const cols = this.out.columns ?? 120;
    this.out.write(
      `\r\x1b[2K${progressLine(this.label, this.counts, performance.now() - this.started).slice(0, cols - 1)}`,
    );
  }

  private stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  finish(): void {
    this.stopTicker();
    if (!this.enabled || !this.counts) return;
    this.draw();
    this.out.write('\n');
  }
}
