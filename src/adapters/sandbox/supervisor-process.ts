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
}

/**
 * One running supervisor (src/adapters/sandbox/supervisor.py), in or out of bubblewrap, spoken to
 * with length-prefixed JSON. It runs one job at a time. When it dies, the job in flight is rejected
 * and `onExit` is called, so the pool can replace it.
 */
export class SupervisorProcess {
  private readonly child: ChildProcessByStdio<Writable, Readable, Readable>;
  private buf: Buffer = Buffer.alloc(0);
  private pending: Pending | null = null;
  private readyWait: Pending | null = null;
  private stderrTail = '';
  private dead = false;
  readonly ready: Promise<Record<string, unknown>>;
  onExit: ((reason: string) => void) | null = null;

  constructor(command: SandboxCommand) {
    this.child = spawn(command.file, command.args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
      env: { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' },
    });
    this.ready = new Promise((resolve, reject) => {
      this.readyWait = { resolve, reject };
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
    return !this.dead;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends one job; resolves with the supervisor's reply. Rejects when the sandbox dies meanwhile. */
  request(message: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (this.dead) return Promise.reject(new Error('the sandbox is not running'));
    if (this.pending) return Promise.reject(new Error('the sandbox is busy'));
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    this.ref();
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
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
      let msg: Record<string, unknown>;
      try {
        msg = JSON.parse(body) as Record<string, unknown>;
      } catch {
        this.kill();
        return;
      }
      if (this.readyWait) {
        const w = this.readyWait;
        this.readyWait = null;
        this.unref();
        w.resolve(msg);
      } else if (this.pending) {
        const p = this.pending;
        this.pending = null;
        this.unref();
        p.resolve(msg);
      }
    }
  }

  private die(reason: string): void {
    if (this.dead) return;
    this.dead = true;
    this.unref();
    const err = new Error(reason);
    this.readyWait?.reject(err);
    this.readyWait = null;
    this.pending?.reject(err);
    this.pending = null;
    this.onExit?.(reason);
  }
}
