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
 * How progress is shown: `bar`, a line redrawn in place (a terminal); `lines`, a new line every
 * interval (CI, Slurm logs); `json`, one JSON event per line; `none`. `auto` is `bar` on a terminal
 * and `lines` elsewhere.
 */
export type ProgressMode = 'auto' | 'bar' | 'lines' | 'json' | 'none';
export const PROGRESS_MODES: readonly ProgressMode[] = ['auto', 'bar', 'lines', 'json', 'none'];

/** A machine-readable progress event (`--progress json`): one JSON object per line. */
export type ProgressEvent =
  | { event: 'run-start'; run: string; model: string; benchmark: string; resumed: boolean }
  | ({ event: 'progress'; run: string; elapsedMs: number } & ProgressCounts)
  | {
      event: 'run-end';
      run: string;
      status: string;
      samples: number;
      errors: number;
      metrics: { name: string; value: number; stderr: number | null; n: number; k: number | null }[];
    };

/** Shows a run's progress on stderr in the chosen mode; `bar` redraws at most 10 times a second. */
export class ProgressDisplay {
  private readonly out: NodeJS.WriteStream;
  readonly mode: Exclude<ProgressMode, 'auto'>;
  private readonly intervalMs: number;
  private last = 0;
  private started = performance.now();
  private label = '';
  private run = '';
  private counts: ProgressCounts | null = null;
  private waitingShown: string | null = null;
  private ticker: NodeJS.Timeout | null = null;

  constructor(
    mode: ProgressMode = 'auto',
    out: NodeJS.WriteStream = process.stderr,
    lineIntervalMs = 10_000,
  ) {
    this.out = out;
    this.mode = mode === 'auto' ? (out.isTTY ? 'bar' : 'lines') : mode;
    this.intervalMs = this.mode === 'bar' ? 100 : this.mode === 'json' ? 1000 : lineIntervalMs;
  }

  event(e: ProgressEvent): void {
    if (this.mode === 'json') this.out.write(`${JSON.stringify(e)}\n`);
  }

  start(run: string, label: string, resumed = false, model = '', benchmark = ''): void {
    this.run = run;
    this.label = label;
    this.started = performance.now();
    this.last = this.started;
    this.counts = null;
    if (this.mode === 'lines') this.out.write(`run ${run}${resumed ? ' (resumed)' : ''}: ${label}\n`);
    this.event({ event: 'run-start', run, model, benchmark, resumed });
  }

  update(c: ProgressCounts): void {
    this.counts = c;
    if (this.mode === 'none') return;
    // Off a terminal a wait is still said once, so a log shows why the run paused.
    const waiting = c.waiting?.reason ?? null;
    if (this.mode === 'lines' && waiting && waiting !== this.waitingShown)
      this.out.write(
        `${this.label}: waiting ${formatDuration(Math.max(0, c.waiting!.untilMs - Date.now()) / 1000)}: ${waiting}\n`,
      );
    this.waitingShown = waiting;
    // On a terminal the wait counts down: nothing else redraws the line while no request runs.
    if (this.mode === 'bar' && waiting && !this.ticker)
      this.ticker = setInterval(() => this.draw(), 1000).unref();
    if (!waiting) this.stopTicker();
    const now = performance.now();
    if (now - this.last < this.intervalMs) return;
    this.last = now;
    this.draw();
  }

  private draw(): void {
    if (!this.counts) return;
    const elapsed = performance.now() - this.started;
    if (this.mode === 'json') {
      this.event({ event: 'progress', run: this.run, elapsedMs: Math.round(elapsed), ...this.counts });
      return;
    }
    const line = progressLine(this.label, this.counts, elapsed);
    if (this.mode === 'lines') {
      this.out.write(`${line}\n`);
      return;
    }
    const cols = this.out.columns ?? 120;
    this.out.write(`\r\x1b[2K${line.slice(0, cols - 1)}`);
  }

  private stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  /** The last state of the run: the bar's final draw, a last line, or a last progress event. */
  finish(): void {
    this.stopTicker();
    if (this.mode === 'none' || !this.counts) return;
    this.draw();
    if (this.mode === 'bar') this.out.write('\n');
  }
}
