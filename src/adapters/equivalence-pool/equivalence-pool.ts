import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { normalizeLatex } from '../../core/extract/normalize-latex.ts';
import { type Equivalence, normalizePair, quickEquivalent } from '../../core/equivalence/quick-equivalent.ts';
import type { CheckReply, CheckRequest } from './equivalence-worker.ts';

export interface EquivalencePoolOptions {
  /** Worker threads; default: available cores, at most 4. */
  size?: number;
  /** Budget of one symbolic check, counted from when a ready worker receives it. */
  timeoutMs?: number;
  /** The budget of the one retry, on a fresh worker, of a check that exceeded `timeoutMs`. */
  retryTimeoutMs?: number;
  /** Answers longer than this are never compared symbolically (they count as not equal). */
  maxInputChars?: number;
  /** Pairs sent to a worker in one message. */
  batchSize?: number;
}

interface Pending {
  req: CheckRequest;
  /** 1 for the first try, 2 for the retry on a fresh worker. */
  attempt: number;
  normalized: Equivalence['normalized'];
  resolve: (e: Equivalence) => void;
}

interface Slot {
  worker: Worker;
  replies: MessagePort;
  /** False until the worker has loaded and warmed the engine. */
  ready: boolean;
  /** True until the worker is given its first batch: retries run only on fresh workers. */
  fresh: boolean;
  inFlight: Pending[];
  timer: NodeJS.Timeout | null;
}

const WORKER_URL = new URL('./equivalence-worker.ts', import.meta.url);

/**
 * Math equivalence checks with a guard against hostile answers, and verdicts that do not depend on load.
 * Cheap comparisons (normalised strings, plain numbers, structure) run at once in the calling thread; only
 * the pairs that need the symbolic engine go to worker threads, in batches. Each symbolic check has a time
 * budget that starts when a ready worker (engine loaded and warmed) receives it, never during start-up.
 * A check that exceeds it is retried once, alone, on a fresh worker with `retryTimeoutMs`; if that fails
 * too it resolves with method "timeout" (the scorer records an error, not a wrong answer). Replies that
 * arrived while the main thread was busy are read before a timeout is declared. Inputs over
 * `maxInputChars` are refused without being parsed (method "too-large", not equal).
 */
export class EquivalencePool {
  readonly timeoutMs: number;
  readonly retryTimeoutMs: number;
  readonly maxInputChars: number;
  private readonly size: number;
  private readonly batchSize: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly retries: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private startFailures = 0;
  /** Counters for reports and benches. */
  readonly stats = { quick: 0, symbolic: 0, retries: 0, timeouts: 0, tooLarge: 0, restarts: 0 };

  constructor(options: EquivalencePoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(4, availableParallelism()));
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.retryTimeoutMs = options.retryTimeoutMs ?? this.timeoutMs * 5;
    this.maxInputChars = options.maxInputChars ?? 1000;
    this.batchSize = options.batchSize ?? 16;
  }

  /** Whether `pred` is mathematically the same answer as `gold`. Never rejects, never hangs. */
  check(gold: string, pred: string): Promise<Equivalence> {
    if (gold.length > this.maxInputChars || pred.length > this.maxInputChars) {
      this.stats.tooLarge++;
      const cut = (s: string) => (s.length > this.maxInputChars ? `${s.slice(0, 40)}…` : normalizeLatex(s));
      return Promise.resolve({
        equal: false,
        method: 'too-large',
        normalized: { gold: cut(gold), answer: cut(pred) },
      });
    }
    const quick = quickEquivalent(gold, pred);
    if (quick) {
      this.stats.quick++;
      return Promise.resolve(quick);
    }
    const normalized = normalizePair(gold, pred);
    if (this.closed) return Promise.resolve({ equal: false, method: 'error', normalized });
    this.stats.symbolic++;
    return new Promise((resolve) => {
      this.queue.push({ req: { id: this.nextId++, gold, pred }, attempt: 1, normalized, resolve });
      this.pump();
    });
  }

  /** Terminates the workers. Checks still queued resolve as not equal (method "error"). */
  async close(): Promise<void> {
    this.closed = true;
    const fail = (p: Pending) => p.resolve({ equal: false, method: 'error', normalized: p.normalized });
    for (const p of this.queue.splice(0)) fail(p);
    for (const p of this.retries.splice(0)) fail(p);
    await Promise.all(
      this.slots.splice(0).map((s) => {
        if (s.timer) clearTimeout(s.timer);
        for (const p of s.inFlight) fail(p);
        s.replies.close();
        return s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_URL, { workerData: { replies: port2 }, transferList: [port2] });
    const slot: Slot = { worker, replies: port1, ready: false, fresh: true, inFlight: [], timer: null };
    port1.on('message', (reply: CheckReply) => this.onReply(slot, reply));
    port1.unref();
    worker.on('error', () => this.fail(slot, 'error'));
    worker.on('exit', () => this.fail(slot, 'error'));
    this.slots.push(slot);
    return slot;
  }

  /** Idle ready workers take work: retries first (alone, on a fresh worker), then batches. */
  private pump(): void {
    if (this.closed) return;
    while (this.retries.length > 0) {
      const slot = this.slots.find((s) => s.ready && s.fresh && s.inFlight.length === 0);
      if (!slot) break;
      this.send(slot, [this.retries.shift()!]);
    }
    while (this.queue.length > 0) {
      const slot = this.slots.find(
        (s) => s.ready && s.inFlight.length === 0 && !(s.fresh && this.retries.length > 0),
      );
      if (!slot) break;
      this.send(slot, this.queue.splice(0, this.batchSize));
    }
    // start workers for what is waiting: each retry gets a fresh worker of its own, batches up to `size`
    const startingFresh = this.slots.filter((s) => !s.ready && s.fresh).length;
    for (let i = startingFresh; i < this.retries.length; i++) this.spawn();
    const batches = Math.ceil(this.queue.length / this.batchSize);
    const starting = this.slots.filter((s) => !s.ready).length - this.retries.length;
    for (let i = Math.max(0, starting); i < batches && this.slots.length < this.size; i++) this.spawn();
    this.keepAlive();
  }

  private send(slot: Slot, batch: Pending[]): void {
    slot.fresh = false;
    slot.inFlight = batch;
    slot.worker.postMessage(batch.map((p) => p.req));
    this.arm(slot);
  }

  /** Starts the budget of the slot's current check (the first in flight). */
  private arm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    const current = slot.inFlight[0];
    if (!current) {
      slot.timer = null;
      return;
    }
    const budget = current.attempt === 1 ? this.timeoutMs : this.retryTimeoutMs;
    slot.timer = setTimeout(() => this.onTimer(slot), budget);
  }

  private onTimer(slot: Slot): void {
    slot.timer = null;
    // replies that arrived while this thread was busy count: only a check still running has timed out
    const before = slot.inFlight[0];
    for (let m = receiveMessageOnPort(slot.replies); m; m = receiveMessageOnPort(slot.replies)) {
      this.onReply(slot, m.message as CheckReply, false);
    }
    if (slot.inFlight[0] && slot.inFlight[0] === before) this.fail(slot, 'timeout');
    else if (slot.inFlight.length > 0) this.arm(slot);
    else this.pump();
  }

  private onReply(slot: Slot, reply: CheckReply, pump = true): void {
    if ('ready' in reply) {
      slot.ready = true;
      this.startFailures = 0;
      if (pump) this.pump();
      return;
    }
    const i = slot.inFlight.findIndex((p) => p.req.id === reply.id);
    if (i < 0) return;
    const [p] = slot.inFlight.splice(i, 1);
    p!.resolve({ equal: reply.equal, method: reply.error ? 'error' : 'symbolic', normalized: p!.normalized });
    if (!pump) return;
    if (slot.inFlight.length > 0) this.arm(slot);
    else {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      this.pump();
    }
  }

  /**
   * A worker that exceeded a budget or crashed is terminated; its current check is retried once on a
   * fresh worker (or, on its retry, resolved as "timeout" / "error"), the rest of its batch re-queued.
   */
  private fail(slot: Slot, why: 'timeout' | 'error'): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    if (!slot.ready && ++this.startFailures >= 3) {
      // workers that cannot even start: nothing waiting can be decided
      for (const p of [...this.queue.splice(0), ...this.retries.splice(0)])
        p.resolve({ equal: false, method: 'error', normalized: p.normalized });
    }
    if (slot.timer) clearTimeout(slot.timer);
    slot.replies.close();
    void slot.worker.terminate();
    this.stats.restarts++;
    const [current, ...rest] = slot.inFlight;
    slot.inFlight = [];
    if (current) {
      if (current.attempt === 1) {
        this.stats.retries++;
        this.retries.push({ ...current, attempt: 2 });
      } else {
        if (why === 'timeout') this.stats.timeouts++;
        current.resolve({ equal: false, method: why, normalized: current.normalized });
      }
    }
    this.queue.unshift(...rest);
    this.pump();
  }

  /** Workers keep the process alive only while they have work. */
  private keepAlive(): void {
    for (const s of this.slots) {
      const busy = s.inFlight.length > 0 || (!s.ready && this.queue.length + this.retries.length > 0);
      if (busy) s.worker.ref();
      else s.worker.unref();
    }
  }
}

let shared: EquivalencePool | null = null;

/** The process-wide pool the math scorers use. Idle workers do not keep the process alive. */
export function sharedEquivalencePool(): EquivalencePool {
  const timeout = Number(process.env.YARDSTICK_EQUIVALENCE_TIMEOUT_MS);
  shared ??= new EquivalencePool(Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: timeout } : {});
  return shared;
}
