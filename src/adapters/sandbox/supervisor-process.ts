import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { SandboxCommand } from '../../core/sandbox/sandbox-command.ts';

interface Handle {
  ref?: () => void;
  unref?: () => void;
}

interface Pending {
  resolve: (reply: Record<string, unknown>) => void;
  reject: (err: Error) => void;
  /** The job id the reply must carry. */
  id?: number;
  timer?: ReturnType<typeof setTimeout>;
}

/** Why a request failed: the sandbox died, or it broke the protocol or its deadline and was killed. */
export class SandboxFault extends Error {
  /** True when the supervisor was killed for not answering in time (the job is not retried). */
  readonly hung: boolean;
  constructor(message: string, hung = false) {
    super(message);
    this.hung = hung;
  }
}

/** Time a new supervisor gets to say it is ready. */
const READY_DEADLINE_MS = 60_000;

/**
 * One running supervisor (src/adapters/sandbox/supervisor.py), in or out of bubblewrap, spoken to
 * with length-prefixed JSON. It runs one job at a time. A reply must carry the job's id and arrive
 * before the job's deadline; otherwise (and for any message it did not ask for, or a malformed one)
 * the supervisor is killed. When it dies, the job in flight is rejected and `onExit` is called, so
 * the pool can replace it.
 */
export class SupervisorProcess {
  private readonly child: ChildProcessByStdio<Writable, Readable, Readable>;
  private buf: Buffer = Buffer.alloc(0);
  private pending: Pending | null = null;
  private readyWait: Pending | null = null;
  private stderrTail = '';
  private dead = false;
  /** Killed for breaking the protocol or a deadline; its exit has not been seen yet. */
  private doomed = false;
  readonly ready: Promise<Record<string, unknown>>;
  onExit: ((reason: string) => void) | null = null;

  constructor(command: SandboxCommand) {
    this.child = spawn(command.file, command.args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
      env: { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' },
    });
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.fail(new SandboxFault(`the sandbox did not start within ${READY_DEADLINE_MS} ms`, true)),
        READY_DEADLINE_MS,
      );
      timer.unref();
      this.readyWait = { resolve, reject, timer };
    });
    this.ready.catch(() => {});
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-2000);
    });
    this.child.stdin.on('error', () => {});
    this.child.on('error', (err) => this.die(`cannot start the sandbox: ${err.message}`));
    this.child.on('exit', (code, signal) =>
      this.die(
        `the sandbox exited (${signal ?? `status ${code}`})${this.stderrTail ? `: ${this.stderrTail.trim()}` : ''}`,
      ),
    );
  }

  get alive(): boolean {
    return !this.dead && !this.doomed;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * Sends job `id`; resolves with the supervisor's reply to it. Rejects (SandboxFault) when the sandbox
   * dies meanwhile, or, after killing it, when no reply comes within `deadlineMs` or a reply names
   * another job.
   */
  request(
    id: number,
    message: Record<string, unknown>,
    deadlineMs: number,
  ): Promise<Record<string, unknown>> {
    if (!this.alive) return Promise.reject(new SandboxFault('the sandbox is not running'));
    if (this.pending) return Promise.reject(new SandboxFault('the sandbox is busy'));
    const body = Buffer.from(JSON.stringify({ ...message, id }), 'utf8');
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    this.ref();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.fail(new SandboxFault(`the sandbox did not answer within ${deadlineMs} ms`, true)),
        deadlineMs,
      );
      this.pending = { resolve, reject, id, timer };
      this.child.stdin.write(Buffer.concat([head, body]));
    });
  }

  /** Kills the whole sandbox (its process group). */
  kill(): void {
    if (this.dead || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      this.child.kill('SIGKILL');
    }
  }

  // While a job is in flight the supervisor keeps Node alive; idle, it does not.
  private ref(): void {
    this.child.ref();
    for (const s of [this.child.stdout, this.child.stderr, this.child.stdin] as unknown as Handle[])
      s.ref?.();
  }

  private unref(): void {
    this.child.unref();
    for (const s of [this.child.stdout, this.child.stderr, this.child.stdin] as unknown as Handle[])
      s.unref?.();
  }

  private onData(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    while (this.buf.length >= 4) {
      const n = this.buf.readUInt32BE(0);
      if (this.buf.length < 4 + n) return;
      const body = this.buf.subarray(4, 4 + n).toString('utf8');
      this.buf = this.buf.subarray(4 + n);
      let msg: unknown;
      try {
        msg = JSON.parse(body);
      } catch {
        msg = null;
      }
      if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
        this.fail(new SandboxFault('the sandbox sent a malformed message'));
        return;
      }
      const m = msg as Record<string, unknown>;
      if (this.readyWait) {
        const w = this.readyWait;
        this.readyWait = null;
        clearTimeout(w.timer);
        this.unref();
        w.resolve(m);
      } else if (this.pending && m.id === this.pending.id) {
        const p = this.pending;
        this.pending = null;
        clearTimeout(p.timer);
        this.unref();
        p.resolve(m);
      } else {
        this.fail(new SandboxFault('the sandbox sent a reply to no job in flight'));
        return;
      }
    }
  }

  /** Rejects what is waiting with `err` and kills the sandbox (its exit then replaces it in the pool). */
  private fail(err: SandboxFault): void {
    const waiting = this.readyWait ?? this.pending;
    this.readyWait = null;
    this.pending = null;
    if (waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(err);
    }
    this.buf = Buffer.alloc(0);
    this.doomed = true;
    this.kill();
  }

  private die(reason: string): void {
    if (this.dead) return;
    this.dead = true;
    this.unref();
    const err = new SandboxFault(reason);
    for (const w of [this.readyWait, this.pending]) {
      if (!w) continue;
      clearTimeout(w.timer);
      w.reject(err);
    }
    this.readyWait = null;
    this.pending = null;
    this.onExit?.(reason);
  }
}
