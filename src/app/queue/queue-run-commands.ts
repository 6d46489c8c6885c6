import type { JobQueue } from '../../adapters/queue/job-queue.ts';
import type { Store } from '../../adapters/store/store.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { type QueueStatusLine, queueStatus } from '../../core/queue/queue-status.ts';
import type { RunRecord } from '../../core/schema/index.ts';
import { queuedRunCounts } from './finish-queued-run.ts';
import { queueLifecycle } from './queue-lifecycle.ts';

async function mustRun(store: Store, runId: string): Promise<RunRecord> {
  const run = await store.run(runId);
  if (!run) throw new UserError(`no run "${runId}" in ${store.location} (see yardstick runs)`, EXIT.notFound);
  return run;
}

/** Jobs per run and endpoint (the given runs, or every run with jobs), runs in the store's order. */
export async function queueStatusOf(
  store: Store,
  queue: JobQueue,
  runIds?: string[],
): Promise<QueueStatusLine[]> {
  for (const id of runIds ?? []) await mustRun(store, id);
  const rows = await queue.counts(runIds?.length ? runIds : undefined);
  const order = (await store.runs()).map((r) => r.spec.id);
  return queueStatus(rows, order);
}

/**
 * `yardstick queue cancel RUN`: cancels the run's waiting and running jobs and records the run
 * `interrupted` with the reason. Returns the number of jobs cancelled.
 */
export async function cancelQueuedRun(store: Store, queue: JobQueue, runId: string): Promise<number> {
  const run = await mustRun(store, runId);
  const cancelled = await queue.cancelRun(runId);
  const counts = await queuedRunCounts(store, runId, run.progress.total);
  await queueLifecycle(store, runId).interrupt(counts, 'cancelled with yardstick queue cancel');
  return cancelled;
}

/**
 * `yardstick queue retry RUN`: queues the run's failed jobs again; a run that had stopped becomes the
 * queue's again. Returns the number of jobs queued.
 */
export async function retryQueuedRun(store: Store, queue: JobQueue, runId: string): Promise<number> {
  const run = await mustRun(store, runId);
  const n = await queue.retryRun(runId);
  if (n > 0 && run.status !== 'running' && run.status !== 'queued')
    await queueLifecycle(store, runId).claim(await queuedRunCounts(store, runId, run.progress.total));
  return n;
}
