import type { JobCountRow } from '../../core/queue/queue-status.ts';
import type { JobKind } from '../../core/schema/queue-job.ts';
import type { SqlTransactionStore } from '../store/store.ts';

/** A job as fetched: its payload is unparsed (the caller parses it with its schema). */
export interface QueueJob {
  id: string;
  kind: JobKind;
  data: unknown;
  /** Which delivery this is (0 the first): a redelivered job has a higher one. */
  retryCount: number;
}

/** A job to add: its kind, payload and priority (higher is fetched first). */
export interface NewJob {
  kind: JobKind;
  data: Record<string, unknown>;
  priority: number;
  /** Jobs of one group (an endpoint) share the group's concurrency limits, when the queue has them. */
  group?: string;
}

/**
 * The durable job queue of queued runs (one implementation: pg-boss on the PostgreSQL store). A job
 * is leased to one worker; the worker's `touch` keeps the lease, and a job whose worker stops touching
 * it (killed) is delivered again. `commit` writes a job's results and completes it in one transaction.
 */
export interface JobQueue {
  /** Adds jobs in large batches; `onBatch` is told how many are in after each batch. */
  add(jobs: NewJob[], onBatch?: (added: number) => void): Promise<void>;
  /** Takes up to `max` jobs of one kind, highest priority first, and leases them to this process. */
  fetch(kind: JobKind, max: number): Promise<QueueJob[]>;
  /** Keeps the leases of jobs in hand. */
  touch(jobs: QueueJob[]): Promise<void>;
  /**
   * In one transaction: `write` (with a store bound to it), the follow-up jobs, and the job's
   * completion. False (and nothing written) when the job was no longer leased to this process
   * (cancelled, or its lease lapsed and it went to another worker).
   */
  commit(
    job: QueueJob,
    write: (store: SqlTransactionStore) => Promise<void>,
    then: NewJob[],
  ): Promise<boolean>;
  /** The job failed; it is delivered again until its retries run out. */
  fail(job: QueueJob, reason: string): Promise<void>;
  /** The job failed for good (a malformed payload): it is not delivered again. */
  failForGood(job: QueueJob, reason: string): Promise<void>;
  /** Gives back a job this process will not finish (shutdown): it is delivered again. */
  release(job: QueueJob): Promise<void>;
  /** Cancels the waiting and running jobs of a run; the number cancelled. */
  cancelRun(runId: string): Promise<number>;
  /** Queues a run's failed jobs again; the number queued. */
  retryRun(runId: string): Promise<number>;
  /** Job counts per run, kind, endpoint and state (every run when `runIds` is absent). */
  counts(runIds?: string[]): Promise<JobCountRow[]>;
  /** Stops this process's use of the queue (not the store it was given). */
  close(): Promise<void>;
}
