import type { JobQueue, NewJob, QueueJob } from '../../adapters/queue/job-queue.ts';
import type { JobCountRow } from '../../core/queue/queue-status.ts';
import type { JobKind } from '../../core/schema/queue-job.ts';
import type { SqlTransactionStore } from '../../adapters/store/store.ts';

/**
 * A job queue that adds up the time spent in queue operations (fetch, lease renewal, completion
 * and follow-up jobs, failures): a worker's queue overhead. A commit's own writes (samples,
 * responses) are work, not overhead, and are left out.
 */
export class TimedQueue implements JobQueue {
  private readonly inner: JobQueue;
  /** Milliseconds spent in queue operations so far (polls that found no job apart, in idleMs). */
  queueMs = 0;
  idleMs = 0;

  constructor(inner: JobQueue) {
    this.inner = inner;
  }

  private async timed<T>(p: () => Promise<T>): Promise<T> {
    const t = performance.now();
    try {
      return await p();
    } finally {
      this.queueMs += performance.now() - t;
    }
  }

  add(jobs: NewJob[], onBatch?: (added: number) => void): Promise<void> {
    return this.timed(() => this.inner.add(jobs, onBatch));
  }

  async fetch(kind: JobKind, max: number): Promise<QueueJob[]> {
    const t = performance.now();
    const jobs = await this.inner.fetch(kind, max);
    // A poll that finds nothing holds no work up: it is idle time, not overhead.
    if (jobs.length) this.queueMs += performance.now() - t;
    else this.idleMs += performance.now() - t;
    return jobs;
  }

  touch(jobs: QueueJob[]): Promise<void> {
    return this.timed(() => this.inner.touch(jobs));
  }

  async commit(
    job: QueueJob,
    write: (store: SqlTransactionStore) => Promise<void>,
    then: NewJob[],
  ): Promise<boolean> {
    let writeMs = 0;
    const t = performance.now();
    try {
      return await this.inner.commit(
        job,
        async (s) => {
          const w = performance.now();
          try {
            await write(s);
          } finally {
            writeMs += performance.now() - w;
          }
        },
        then,
      );
    } finally {
      this.queueMs += performance.now() - t - writeMs;
    }
  }

  fail(job: QueueJob, reason: string): Promise<void> {
    return this.timed(() => this.inner.fail(job, reason));
  }

  failForGood(job: QueueJob, reason: string): Promise<void> {
    return this.timed(() => this.inner.failForGood(job, reason));
  }

  release(job: QueueJob): Promise<void> {
    return this.timed(() => this.inner.release(job));
  }

  cancelRun(runId: string): Promise<number> {
    return this.timed(() => this.inner.cancelRun(runId));
  }

  retryRun(runId: string): Promise<number> {
    return this.timed(() => this.inner.retryRun(runId));
  }

  counts(runIds?: string[]): Promise<JobCountRow[]> {
    return this.inner.counts(runIds);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
