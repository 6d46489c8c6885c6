import type { Store } from '../../adapters/store/store.ts';
import { RunLifecycle } from '../runs/run-lifecycle.ts';

/**
 * The owner of a queued run while workers work on it: the queue, not one process. Every worker moves
 * the run and writes its heartbeat under this owner, so any of them may finish it, and a killed worker
 * leaves the run to the others.
 */
export const QUEUE_OWNER = 'queue';

/** The run lifecycle as the queue's workers use it. */
export const queueLifecycle = (store: Store, runId: string): RunLifecycle =>
  new RunLifecycle(store, runId, QUEUE_OWNER);
