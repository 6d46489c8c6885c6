import { setTimeout as sleep } from 'node:timers/promises';
import type { Store } from '../../adapters/store/store.ts';
import type { RunRecord } from '../../core/schema/index.ts';

/** A queued run's progress as the store sees it (every worker's samples). */
export interface QueuedProgress {
  run: RunRecord;
  done: number;
  errors: number;
}

const ENDED = new Set(['finished', 'failed', 'interrupted']);

/**
 * Watches queued runs until each has ended (finished, failed, interrupted), or the signal aborts:
 * their status and sample counts, read from the store every `intervalMs`. Returns their last records.
 */
export async function followQueuedRuns(
  store: Store,
  runIds: string[],
  o: { intervalMs?: number; signal?: AbortSignal; onProgress?: (p: QueuedProgress) => void },
): Promise<RunRecord[]> {
  const last = new Map<string, RunRecord>();
  for (;;) {
    const counts = new Map((await store.runCounts(runIds)).map((c) => [c.runId, c]));
    let open = 0;
    for (const id of runIds) {
      const run = await store.run(id);
      if (!run) continue;
      last.set(id, run);
      const c = counts.get(id);
      o.onProgress?.({ run, done: c?.samples ?? 0, errors: c?.error ?? 0 });
      if (!ENDED.has(run.status)) open++;
    }
    if (open === 0 || o.signal?.aborted) break;
    await sleep(o.intervalMs ?? 1000, undefined, { signal: o.signal }).catch(() => undefined);
  }
  return runIds.flatMap((id) => (last.has(id) ? [last.get(id)!] : []));
}
