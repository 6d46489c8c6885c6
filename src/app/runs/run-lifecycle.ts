import type { RunGuard, RunRecord, RunUpdate, Store } from '../../adapters/store/store.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { DEFAULT_STALE_MS, effectiveStatus, statesBefore } from '../../core/runs/run-lifecycle.ts';
import type { RunStatus } from '../../core/schema/index.ts';

const { hostname } = process.getBuiltinModule('node:os');

/** This process as a run's owner: `pid@host`. */
export function processOwner(): string {
  return `${process.pid}@${hostname()}`;
}

/**
 * False when the owner is a process of this host that no longer exists (killed, crashed): its run is
 * interrupted at once, without waiting for the heartbeat to go stale. Owners on other hosts count as
 * alive until their heartbeat says otherwise.
 */
export function ownerAlive(owner: string | null): boolean {
  const m = owner ? /^(\d+)@(.+)$/.exec(owner) : null;
  if (!m || m[2] !== hostname()) return true;
  if (Number(m[1]) === process.pid) return true;
  try {
    process.kill(Number(m[1]), 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The status other processes should see: stale heartbeats and dead owners make a run `interrupted`. */
export function observedStatus(run: RunRecord, nowMs: number, staleMs: number = DEFAULT_STALE_MS): RunStatus {
  const status = effectiveStatus(run.status, run.progress.heartbeatAt, nowMs, staleMs);
  return status === 'running' && !ownerAlive(run.progress.owner) ? 'interrupted' : status;
}

export interface RunCounts {
  done: number;
  total: number;
  errors: number;
  cached: number;
}

/**
 * The one place that moves a run between states (see core/runs/run-lifecycle.ts for the legal moves).
 * Every move is a compare-and-set on the stored status (and owner), so two processes, or a worker and
 * a watcher, never both win.
 */
export class RunLifecycle {
  private readonly store: Store;
  readonly runId: string;
  readonly owner: string;
  private readonly now: () => number;

  constructor(store: Store, runId: string, owner: string = processOwner(), now: () => number = Date.now) {
    this.store = store;
    this.runId = runId;
    this.owner = owner;
    this.now = now;
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Moves the run to `to` if its stored status allows it; false when another process moved it first. */
  private async move(to: RunStatus, update: RunUpdate, guard: RunGuard = {}): Promise<boolean> {
    return this.store.updateRun(
      this.runId,
      { ...update, status: to },
      { status: statesBefore(to), ...guard },
    );
  }

  /**
   * Takes the run to work on it: `running`, owned by this process, with a fresh heartbeat. A run that
   * another live process works on is refused; one whose owner died (stale heartbeat) is taken over.
   */
  async claim(counts: RunCounts, staleMs: number = DEFAULT_STALE_MS): Promise<void> {
    const run = await this.store.run(this.runId);
    if (!run) throw new UserError(`no run "${this.runId}"`, EXIT.notFound);
    if (run.status === 'running') {
      if (observedStatus(run, this.now(), staleMs) === 'running')
        throw new UserError(
          `run ${this.runId} is running in process ${run.progress.owner ?? '?'} (last heartbeat ${run.progress.heartbeatAt}); wait for it or stop it first`,
          EXIT.usage,
        );
      await markInterrupted(this.store, run);
    }
    const claimed = await this.move(
      'running',
      { owner: this.owner, heartbeatAt: this.iso(), counts, reason: null, finishedAt: null },
      {},
    );
    if (!claimed) throw new UserError(`run ${this.runId} was taken by another process`, EXIT.usage);
  }

  /** The owner's sign of life, with its counts; false when the run is no longer this process's. */
  heartbeat(counts: RunCounts): Promise<boolean> {
    return this.store.updateRun(
      this.runId,
      { heartbeatAt: this.iso(), counts },
      { status: ['running'], owner: this.owner },
    );
  }

  finish(counts: RunCounts): Promise<boolean> {
    return this.end('finished', counts, null);
  }

  /** Stops the run before its end (a signal; a cancel, with its reason). */
  interrupt(counts: RunCounts, reason: string | null = null): Promise<boolean> {
    return this.end('interrupted', counts, reason);
  }

  /**
   * The workers of a job queue take a run together, under one owner (the queue): a `queued` run, or
   * one recorded `interrupted` without a reason (its heartbeat went stale while no worker had its
   * jobs), becomes `running` under this owner. True when the run is running under this owner; false
   * when it is not to be worked on (finished, failed, cancelled, gone, or another process's).
   */
  async adopt(): Promise<boolean> {
    const run = await this.store.run(this.runId);
    if (!run) return false;
    if (run.status === 'queued' || (run.status === 'interrupted' && run.reason === null))
      await this.move(
        'running',
        { owner: this.owner, heartbeatAt: this.iso(), reason: null, finishedAt: null },
        { status: [run.status] },
      );
    else return run.status === 'running' && run.progress.owner === this.owner;
    const now = await this.store.run(this.runId);
    return now?.status === 'running' && now.progress.owner === this.owner;
  }

  /** A queued run that will not be started now (its evaluation stopped first): `interrupted`. */
  abandon(): Promise<boolean> {
    return this.move('interrupted', { finishedAt: this.iso() }, { status: ['queued'] });
  }

  /** Fails the run with a one-line reason: from `running` (this process's), `queued` or `interrupted`. */
  fail(reason: string, counts?: RunCounts): Promise<boolean> {
    return this.end('failed', counts, reason);
  }

  private async end(to: RunStatus, counts: RunCounts | undefined, reason: string | null): Promise<boolean> {
    const update = { reason, heartbeatAt: this.iso(), finishedAt: this.iso(), ...(counts ? { counts } : {}) };
    if (to === 'interrupted' && reason !== null)
      // Cancelled: from `running` under this owner, or before any worker took it.
      return (
        (await this.move(to, update, { status: ['running'], owner: this.owner })) ||
        this.move(to, update, { status: ['queued'] })
      );
    if (to !== 'failed') return this.move(to, update, { owner: this.owner });
    // A run is failed by its owner, or while no process works on it; never under another owner.
    return (
      (await this.move(to, update, { status: ['running'], owner: this.owner })) ||
      this.move(to, update, { status: ['queued', 'interrupted'] })
    );
  }
}

/** Records a `running` run whose owner died as `interrupted` (only if nobody moved it meanwhile). */
export function markInterrupted(store: Store, run: RunRecord): Promise<boolean> {
  return store.updateRun(
    run.spec.id,
    { status: 'interrupted', finishedAt: new Date().toISOString() },
    { status: ['running'], ...(run.progress.owner !== null ? { owner: run.progress.owner } : {}) },
  );
}
