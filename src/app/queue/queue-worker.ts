import type { EndpointBudget } from '../../adapters/queue/endpoint-budget.ts';
import type { JobQueue, QueueJob } from '../../adapters/queue/job-queue.ts';
import type { Store } from '../../adapters/store/store.ts';
import { type JobKind, payloadProblem, ShardJobPayload } from '../../core/schema/queue-job.ts';
import type { DatasetContext } from '../../core/task/task.ts';
import type { Registry } from '../../registry/registry.ts';
import { EndpointError } from '../eval/endpoint-failure.ts';
import type { SchedulerOptions } from '../eval/request-scheduler.ts';
import { finishQueuedRun, queuedRunCounts } from './finish-queued-run.ts';
import { QUEUE_OWNER, queueLifecycle } from './queue-lifecycle.ts';
import { runGenJob } from './run-gen-job.ts';
import { type RunResources, RunResourceCache } from './run-resources.ts';
import { runScoreJob } from './run-score-job.ts';
import { Slots } from './slots.ts';
import { TimedQueue } from './timed-queue.ts';

/** What a worker reports: one event per thing worth a line (never a secret, never per sample). */
export type WorkerEvent =
  | { event: 'started'; roles: JobKind[]; concurrency: number; execSlots: number; scoreSlots: number }
  | { event: 'job-failed'; kind: JobKind; job: string; run: string | null; reason: string }
  | { event: 'lease-lost'; kind: JobKind; job: string; run: string }
  | { event: 'run-failed'; run: string; reason: string; cancelled: number }
  | { event: 'run-finished'; run: string }
  | { event: 'stopping'; inHand: number }
  | { event: 'returned'; jobs: number }
  | { event: 'stopped'; jobs: number; requests: number; queueMs: number; wallMs: number };

export interface WorkerOptions {
  roles: JobKind[];
  /** Requests in flight in this worker, across all its generation jobs. */
  concurrency: number;
  /** Scoring jobs at once (CPU: the equivalence pool's threads). */
  scoreSlots: number;
  /** Code-execution jobs at once (the sandbox's slots on this host). */
  execSlots: number;
  dataset: DatasetContext;
  /** How long a stopping worker waits for its jobs before it gives them back. */
  graceMs?: number;
  /** How often leases are renewed (well under the queue's heartbeat). */
  touchMs?: number;
  /** How long an idle worker waits before asking for jobs again. */
  idleMs?: number;
  /** How often the runs in hand get their heartbeat and counts. */
  heartbeatMs?: number;
  /** Per-endpoint limits shared by every worker, handed to each run's request scheduler. */
  budget?: EndpointBudget;
  scheduler?: Partial<SchedulerOptions>;
  onEvent?: (e: WorkerEvent) => void;
}

/** Units a generation job holds when its payload cannot say. */
const TYPICAL_SHARD = 16;

/**
 * A worker of the job queue: takes `gen`, `score` and `exec` jobs (its roles) and runs them until
 * its signal aborts. Generation jobs are fetched ahead, so that its request slots stay busy across
 * job boundaries; scoring and execution jobs one per slot. Leases are renewed while jobs are in
 * hand, runs in hand get a heartbeat with their counts, and the last job of a run finishes it.
 * Stopping: no more fetching, the jobs in hand finish, or are given back after the grace period.
 */
export class QueueWorker {
  private readonly store: Store;
  private readonly queue: TimedQueue;
  private readonly o: Required<Omit<WorkerOptions, 'budget' | 'scheduler' | 'onEvent'>> &
    Pick<WorkerOptions, 'budget' | 'scheduler' | 'onEvent'>;
  private readonly runs: RunResourceCache;
  private readonly slots: Slots;
  private readonly inHand = new Map<string, { job: QueueJob; runId: string | null; units: number }>();
  private readonly hardStop = new AbortController();
  private readonly adopted = new Map<string, number>();
  private readonly waiting = new Map<() => void, JobKind | null>();
  private jobsDone = 0;
  private requests = 0;

  constructor(store: Store, queue: JobQueue, registry: Registry, options: WorkerOptions) {
    this.store = store;
    this.queue = new TimedQueue(queue);
    this.o = { graceMs: 30_000, touchMs: 3000, idleMs: 500, heartbeatMs: 5000, ...options };
    this.runs = new RunResourceCache(store, registry, {
      dataset: options.dataset,
      concurrency: options.concurrency,
      budget: options.budget,
      scheduler: options.scheduler,
    });
    this.slots = new Slots(options.concurrency);
  }

  private emit(e: WorkerEvent): void {
    this.o.onEvent?.(e);
  }

  /** Runs jobs until `stop` aborts, then finishes or gives back the jobs in hand and returns. */
  async run(stop: AbortSignal): Promise<void> {
    const { roles, concurrency, execSlots, scoreSlots } = this.o;
    const started = performance.now();
    this.emit({ event: 'started', roles, concurrency, execSlots, scoreSlots });
    const timers = [
      setInterval(() => void this.touch(), this.o.touchMs),
      setInterval(() => void this.heartbeat(), this.o.heartbeatMs),
    ];
    const loops: Promise<void>[] = [];
    if (roles.includes('gen')) loops.push(this.loop('gen', stop, () => this.genRoom()));
    if (roles.includes('score')) loops.push(this.loop('score', stop, () => scoreSlots - this.count('score')));
    if (roles.includes('exec')) loops.push(this.loop('exec', stop, () => execSlots - this.count('exec')));
    const onStop = () => {
      this.emit({ event: 'stopping', inHand: this.inHand.size });
      this.poke();
    };
    stop.addEventListener('abort', onStop, { once: true });
    try {
      await Promise.all(loops);
      await this.drain();
    } finally {
      stop.removeEventListener('abort', onStop);
      for (const t of timers) clearInterval(t);
      await this.runs.close();
      this.emit({
        event: 'stopped',
        jobs: this.jobsDone,
        requests: this.requests,
        queueMs: Math.round(this.queue.queueMs),
        wallMs: Math.round(performance.now() - started),
      });
    }
  }

  /** Whether a job of the run other than `jobId` is in hand. */
  private holdsOther(runId: string, jobId: string): boolean {
    for (const [id, h] of this.inHand) if (h.runId === runId && id !== jobId) return true;
    return false;
  }

  /** Jobs of one kind in hand. */
  private count(kind: JobKind): number {
    let n = 0;
    for (const h of this.inHand.values()) if (h.job.kind === kind) n++;
    return n;
  }

  /**
   * Generation jobs to fetch now: units in hand are kept between two and three times the request
   * slots, fetched a few jobs at a time (one fetch per job end would double the queue's statements).
   */
  private genRoom(): number {
    let units = 0;
    for (const h of this.inHand.values()) if (h.job.kind === 'gen') units += h.units;
    const low = Math.max(2 * this.o.concurrency, this.o.concurrency + TYPICAL_SHARD);
    if (units >= low) return 0;
    return Math.min(16, Math.ceil((low + this.o.concurrency - units) / TYPICAL_SHARD));
  }

  /** Wakes the loops of these kinds (every loop, and the drain, without one). */
  private poke(kind?: JobKind): void {
    for (const [w, k] of [...this.waiting]) if (!kind || !k || k === kind) w();
  }

  /** Waits until a job of `kind` ends (or any, without one), the worker stops, or `ms` pass. */
  private pause(ms: number, kind?: JobKind): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(t);
        this.waiting.delete(done);
        resolve();
      };
      const t = setTimeout(done, ms);
      this.waiting.set(done, kind ?? null);
    });
  }

  private async loop(kind: JobKind, stop: AbortSignal, room: () => number): Promise<void> {
    let idleSince = Date.now();
    let empty = 0;
    while (!stop.aborted) {
      const n = room();
      if (n <= 0) {
        await this.pause(this.o.idleMs, kind);
        continue;
      }
      let jobs: QueueJob[] = [];
      try {
        jobs = await this.queue.fetch(kind, n);
      } catch (err) {
        this.emit({ event: 'job-failed', kind, job: '-', run: null, reason: `fetch: ${message(err)}` });
        await this.pause(this.o.idleMs * 4, kind);
        continue;
      }
      for (const job of jobs) this.start(job);
      if (jobs.length === 0) {
        // Idle: now and then, finish runs whose last job's worker died before it could.
        if (kind !== 'gen' && Date.now() - idleSince > 10_000) {
          idleSince = Date.now();
          await this.finishCompleteRuns().catch(() => undefined);
        }
        // Polls of an empty queue back off, up to four times the idle wait.
        await this.pause(this.o.idleMs * 2 ** Math.min(2, empty++), kind);
      } else {
        idleSince = Date.now();
        empty = 0;
      }
    }
  }

  private start(job: QueueJob): void {
    const parsed = ShardJobPayload.safeParse(job.data);
    const units = parsed.success ? parsed.data.to - parsed.data.from : 0;
    this.inHand.set(job.id, { job, runId: parsed.success ? parsed.data.runId : null, units });
    void this.handle(job, parsed)
      .catch(() => undefined)
      .finally(() => {
        this.inHand.delete(job.id);
        this.jobsDone++;
        this.poke(job.kind);
      });
  }

  private async handle(job: QueueJob, parsed: ReturnType<typeof ShardJobPayload.safeParse>): Promise<void> {
    if (!parsed.success) {
      const reason = payloadProblem(parsed.error);
      this.emit({ event: 'job-failed', kind: job.kind, job: job.id, run: null, reason });
      await this.queue.failForGood(job, reason).catch(() => undefined);
      return;
    }
    const p = parsed.data;
    try {
      const r = await this.runs.get(p.runId);
      if (!r || !(await this.adopt(p.runId))) {
        // The run is gone, finished, failed or cancelled: its job has nothing left to do.
        await this.queue.commit(job, async () => undefined, []);
        return;
      }
      const ctx = { store: this.store, queue: this.queue, signal: this.hardStop.signal };
      let committed: boolean;
      if (job.kind === 'gen') {
        const g = await runGenJob({ ...ctx, slots: this.slots }, r, job, p);
        this.requests += g.requests;
        committed = g.committed;
        // Its scoring job is in the queue now: this worker's scoring loop may take it at once.
        if (committed) this.poke(r.scoreKind);
      } else {
        committed = await runScoreJob(ctx, r, job, p);
        // Whether the run is complete is a count over all its samples: asked only by the last job of
        // the run this worker holds (another job in hand means units still unrecorded). The last job
        // of the run is such a job; a run left complete by a lost lease is finished when idle.
        if (committed && !this.holdsOther(p.runId, job.id) && (await finishQueuedRun(this.store, r)))
          this.finished(r);
      }
      if (!committed) this.emit({ event: 'lease-lost', kind: job.kind, job: job.id, run: p.runId });
    } catch (err) {
      if (this.hardStop.signal.aborted) {
        await this.queue.release(job).catch(() => undefined);
        return;
      }
      if (err instanceof EndpointError) {
        await this.failRun(p.runId, err.message);
        return;
      }
      const reason = message(err);
      this.emit({ event: 'job-failed', kind: job.kind, job: job.id, run: p.runId, reason });
      await this.queue.fail(job, reason).catch(() => undefined);
    }
  }

  /** The run may be worked on (taken from `queued` when it is the first job); checked every 2 s. */
  private async adopt(runId: string): Promise<boolean> {
    const until = this.adopted.get(runId);
    if (until !== undefined && until > Date.now()) return true;
    const ok = await queueLifecycle(this.store, runId).adopt();
    if (ok) this.adopted.set(runId, Date.now() + 2000);
    else this.adopted.delete(runId);
    return ok;
  }

  private finished(r: RunResources): void {
    this.emit({ event: 'run-finished', run: r.spec.id });
    this.adopted.delete(r.spec.id);
    void this.runs.drop(r.spec.id);
  }

  /** The endpoint refused the run: the run fails with the reason and its other jobs are cancelled. */
  private async failRun(runId: string, reason: string): Promise<void> {
    const r = await this.runs.get(runId).catch(() => null);
    const counts = r ? await queuedRunCounts(this.store, runId, r.total) : undefined;
    await queueLifecycle(this.store, runId).fail(reason, counts);
    const cancelled = await this.queue.cancelRun(runId);
    this.adopted.delete(runId);
    this.emit({ event: 'run-failed', run: runId, reason, cancelled });
  }

  /** Runs owned by the queue whose samples are all recorded, but not yet finished. */
  private async finishCompleteRuns(): Promise<void> {
    const open = (await this.store.runs()).filter(
      (x) => x.status === 'running' && x.progress.owner === QUEUE_OWNER && x.progress.total > 0,
    );
    if (!open.length) return;
    const counts = await this.store.runCounts(open.map((x) => x.spec.id));
    for (const c of counts) {
      const run = open.find((x) => x.spec.id === c.runId);
      if (!run || c.samples < run.progress.total) continue;
      const r = await this.runs.get(c.runId);
      if (r && (await finishQueuedRun(this.store, r))) this.finished(r);
    }
  }

  private async touch(): Promise<void> {
    const jobs = [...this.inHand.values()].map((h) => h.job);
    if (jobs.length) await this.queue.touch(jobs).catch(() => undefined);
  }

  /**
   * Heartbeat and counts of the runs in hand, so `runs`, `show` and `--follow` see them move. The
   * counts are a count over the run's samples: a run whose heartbeat another worker wrote within the
   * last half interval is left to it, so all workers together count about once an interval.
   */
  private async heartbeat(): Promise<void> {
    const ids = new Set<string>();
    for (const h of this.inHand.values()) if (h.runId) ids.add(h.runId);
    for (const id of ids) {
      const at = (await this.store.run(id).catch(() => null))?.progress.heartbeatAt;
      if (at && Date.now() - Date.parse(at) < this.o.heartbeatMs / 2) continue;
      const r = await this.runs.get(id).catch(() => null);
      if (!r) continue;
      const counts = await queuedRunCounts(this.store, id, r.total).catch(() => null);
      if (counts)
        await queueLifecycle(this.store, id)
          .heartbeat(counts)
          .catch(() => undefined);
    }
  }

  /** After the loops stopped: wait for the jobs in hand, at most the grace period, then give them back. */
  private async drain(): Promise<void> {
    const deadline = Date.now() + this.o.graceMs;
    while (this.inHand.size && Date.now() < deadline) await this.pause(Math.min(250, deadline - Date.now()));
    if (this.inHand.size) {
      const n = this.inHand.size;
      this.hardStop.abort(new Error('worker stopping'));
      while (this.inHand.size) await this.pause(250);
      this.emit({ event: 'returned', jobs: n });
    }
  }
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
