import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Equivalence, quickEquivalent } from '../../core/equivalence/quick-equivalent.ts';
import type { CheckReply, CheckRequest } from './equivalence-worker.ts';

export interface EquivalencePoolOptions {
  /** Worker threads; default: available cores, at most 4. */
  size?: number;
  /** Hard limit for one symbolic check; the worker is terminated and replaced when it is exceeded. */
  timeoutMs?: number;
  /** Answers longer than this are never compared symbolically (they count as not equal). */
  maxInputChars?: number;
  /** Pairs sent to a worker in one message. */
  batchSize?: number;
}

interface Pending {
  req: CheckRequest;
  resolve: (e: Equivalence) => void;
}

interface Slot {
  worker: Worker;
  inFlight: Pending[];
  timer: NodeJS.Timeout | null;
}

const WORKER_URL = new URL('./equivalence-worker.ts', import.meta.url);

/**
 * Math equivalence checks with a guard against hostile answers. Cheap comparisons (normalised strings,
 * plain numbers, structure) run at once in the calling thread; only the pairs that need the symbolic
 * engine go to worker threads, in batches. Each symbolic check has a hard timeout: a worker that
 * exceeds it is terminated and replaced, the check counts as not equal (method "timeout"), and the
 * rest of its batch is re-queued. Inputs over `maxInputChars` are refused without being parsed.
 */
export class EquivalencePool {
  readonly timeoutMs: number;
  readonly maxInputChars: number;
  private readonly size: number;
  private readonly batchSize: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** Counters for reports and benches. */
  readonly stats = { quick: 0, symbolic: 0, timeouts: 0, tooLarge: 0, restarts: 0 };

  constructor(options: EquivalencePoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(4, availableParallelism()));
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.maxInputChars = options.maxInputChars ?? 1000;
    this.batchSize = options.batchSize ?? 16;
  }

  /** Whether `pred` is mathematically the same answer as `gold`. Never rejects, never hangs. */
  check(gold: string, pred: string): Promise<Equivalence> {
    if (gold.length > this.maxInputChars || pred.length > this.maxInputChars) {
      this.stats.tooLarge++;
      return Promise.resolve({ equal: false, method: 'too-large' });
    }
    const quick = quickEquivalent(gold, pred);
    if (quick) {
      this.stats.quick++;
      return Promise.resolve(quick);
    }
    if (this.closed) return Promise.resolve({ equal: false, method: 'error' });
    this.stats.symbolic++;
    return new Promise((resolve) => {
      this.queue.push({ req: { id: this.nextId++, gold, pred }, resolve });
      this.pump();
    });
  }

  /** Terminates the workers. Checks still queued resolve as not equal (method "error"). */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.resolve({ equal: false, method: 'error' });
    await Promise.all(
      this.slots.splice(0).map((s) => {
        if (s.timer) clearTimeout(s.timer);
        for (const p of s.inFlight) p.resolve({ equal: false, method: 'error' });
        return s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL);
    const slot: Slot = { worker, inFlight: [], timer: null };
    worker.on('message', (reply: CheckReply) => this.onReply(slot, reply));
    worker.on('error', () => this.replace(slot, 'error'));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.inFlight.length === 0);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const batch = this.queue.splice(0, this.batchSize);
      slot.inFlight = batch;
      slot.worker.ref();
      slot.worker.postMessage(batch.map((p) => p.req));
      this.arm(slot);
    }
  }

  private arm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.replace(slot, 'timeout'), this.timeoutMs);
  }

  private onReply(slot: Slot, reply: CheckReply): void {
    const i = slot.inFlight.findIndex((p) => p.req.id === reply.id);
    if (i < 0) return;
    const [p] = slot.inFlight.splice(i, 1);
    p!.resolve({ equal: reply.equal, method: reply.error ? 'error' : 'symbolic' });
    if (slot.inFlight.length > 0) this.arm(slot);
    else {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      slot.worker.unref();
      this.pump();
    }
  }

  /** Kills a stuck or crashed worker: its current check fails, the rest of its batch is re-queued. */
  private replace(slot: Slot, method: 'timeout' | 'error'): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    if (slot.timer) clearTimeout(slot.timer);
    void slot.worker.terminate();
    this.stats.restarts++;
    const [current, ...rest] = slot.inFlight;
    if (current) {
      if (method === 'timeout') this.stats.timeouts++;
      current.resolve({ equal: false, method });
    }
    this.queue.unshift(...rest);
    if (!this.closed) this.pump();
  }
}

let shared: EquivalencePool | null = null;

/** The process-wide pool the math scorers use. Idle workers do not keep the process alive. */
export function sharedEquivalencePool(): EquivalencePool {
  const timeout = Number(process.env.YARDSTICK_EQUIVALENCE_TIMEOUT_MS);
  shared ??= new EquivalencePool(Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: timeout } : {});
  return shared;
}
