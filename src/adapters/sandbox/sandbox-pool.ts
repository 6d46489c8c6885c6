import {
  ExecJob,
  type ExecJobInput,
  type ExecResult,
  sandboxErrorResult,
  type TestOutcome,
  TestVerdict,
} from '../../core/sandbox/exec-job.ts';
import type { SandboxCommand } from '../../core/sandbox/sandbox-command.ts';
import type { CodeExecutor } from './code-executor.ts';
import { SandboxFault, SupervisorProcess } from './supervisor-process.ts';

export interface SandboxPoolOptions {
  kind: CodeExecutor['kind'];
  command: () => SandboxCommand;
  workers: number;
  /** Jobs waiting beyond this make run() wait before queueing (back-pressure). */
  maxQueued?: number;
  /** Attempts for a job whose sandbox died under it before it is reported as sandbox-error. */
  attempts?: number;
  /** Runs once the supervisors are killed, e.g. to remove their work folder. */
  onClose?: () => void;
  /**
   * Time a supervisor gets to answer beyond the job's own limits (the sum of its tests' limits and
   * graces), before it is killed and replaced and the job recorded as sandbox-error. Default 30 s.
   */
  replyMarginMs?: number;
}

const DEFAULT_REPLY_MARGIN_MS = 30_000;

/** How long a supervisor may take to answer a job: the job's own worst case plus a margin. */
function replyDeadlineMs(job: ExecJob, marginMs: number): number {
  return job.tests.reduce((sum, t) => sum + t.timeoutMs + job.graceMs, 0) + marginMs;
}

interface Queued {
  job: ExecJob;
  attempt: number;
  resolve: (r: ExecResult) => void;
}

function toOutcome(raw: Record<string, unknown>): TestOutcome {
  const v = TestVerdict.safeParse(raw.v);
  return {
    verdict: v.success ? v.data : 'sandbox-error',
    ms: typeof raw.ms === 'number' ? raw.ms : null,
    exceptionType: typeof raw.x === 'string' ? raw.x : null,
    message: typeof raw.m === 'string' ? raw.m : null,
    output: typeof raw.o === 'string' ? raw.o : null,
  };
}

/**
 * A supervised pool of pre-forked supervisors. Each runs one job at a time; a supervisor that dies is
 * replaced, and the job it was running is retried once in a fresh one before being reported as a
 * sandbox error (an infrastructure failure, never counted against the program). A supervisor that does
 * not answer by the job's deadline (or answers for another job) is killed and replaced; that job is
 * reported as a sandbox error at once, and the others go on.
 */
export class SandboxPool implements CodeExecutor {
  readonly kind: CodeExecutor['kind'];
  readonly workers: number;
  private readonly opts: SandboxPoolOptions;
  private readonly idle: SupervisorProcess[] = [];
  private readonly all = new Set<SupervisorProcess>();
  private readonly queue: Queued[] = [];
  private readonly spaceWaiters: (() => void)[] = [];
  private closed = false;
  private seq = 0;
  /** Supervisors that failed to start in a row; stops restart loops when the sandbox cannot start at all. */
  private startFailures = 0;
  private startError: string | null = null;

  constructor(opts: SandboxPoolOptions) {
    this.opts = opts;
    this.kind = opts.kind;
    this.workers = Math.max(1, opts.workers);
    for (let i = 0; i < this.workers; i++) this.spawn();
  }

  /** Resolves once every supervisor has started; rejects with the reason when they cannot. */
  async started(): Promise<void> {
    const probes = [...this.all].map((s) => s.ready);
    try {
      await Promise.all(probes);
    } catch (err) {
      throw new Error(`the code sandbox did not start: ${(err as Error).message}`);
    }
  }

  async run(input: ExecJobInput): Promise<ExecResult> {
    const job = ExecJob.parse(input);
    if (this.closed) return sandboxErrorResult(job, 'the executor is closed');
    const max = this.opts.maxQueued ?? this.workers * 64;
    while (this.queue.length >= max) await new Promise<void>((r) => this.spaceWaiters.push(r));
    return new Promise((resolve) => {
      this.queue.push({ job, attempt: 1, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const q of this.queue.splice(0)) q.resolve(sandboxErrorResult(q.job, 'the executor was closed'));
    for (const s of this.all) {
      s.onExit = null;
      s.kill();
    }
    this.all.clear();
    this.idle.length = 0;
    this.opts.onClose?.();
  }

  private spawn(): void {
    if (this.closed) return;
    const s = new SupervisorProcess(this.opts.command());
    this.all.add(s);
    s.onExit = (reason) => {
      this.all.delete(s);
      const i = this.idle.indexOf(s);
      if (i >= 0) this.idle.splice(i, 1);
      if (this.closed) return;
      this.startError = reason;
      if (this.startFailures >= 5) {
        for (const q of this.queue.splice(0)) q.resolve(sandboxErrorResult(q.job, reason));
        return;
      }
      this.spawn();
    };
    s.ready.then(
      () => {
        this.startFailures = 0;
        this.idle.push(s);
        this.pump();
      },
      () => {
        this.startFailures++;
      },
    );
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const s = this.idle.pop()!;
      if (!s.alive) continue;
      const q = this.queue.shift()!;
      this.spaceWaiters.shift()?.();
      void this.dispatch(s, q);
    }
    if (!this.all.size && this.queue.length && this.startFailures >= 5) {
      for (const q of this.queue.splice(0))
        q.resolve(sandboxErrorResult(q.job, this.startError ?? 'the sandbox cannot start'));
    }
  }

  private async dispatch(s: SupervisorProcess, q: Queued): Promise<void> {
    const id = ++this.seq;
    let reply: Record<string, unknown>;
    try {
      const deadline = replyDeadlineMs(q.job, this.opts.replyMarginMs ?? DEFAULT_REPLY_MARGIN_MS);
      reply = await s.request(id, q.job, deadline);
    } catch (err) {
      const hung = err instanceof SandboxFault && err.hung;
      if (!hung && q.attempt < (this.opts.attempts ?? 2) && !this.closed) {
        this.queue.unshift({ ...q, attempt: q.attempt + 1 });
        this.pump();
      } else {
        q.resolve(sandboxErrorResult(q.job, (err as Error).message));
      }
      return;
    }
    this.idle.push(s);
    this.pump();
    if (typeof reply.error === 'string' || !Array.isArray(reply.tests)) {
      q.resolve(sandboxErrorResult(q.job, String(reply.error ?? 'malformed reply from the sandbox')));
      return;
    }
    q.resolve({
      tests: (reply.tests as Record<string, unknown>[]).map(toOutcome),
      wallMs: typeof reply.wallMs === 'number' ? reply.wallMs : null,
    });
  }
}
