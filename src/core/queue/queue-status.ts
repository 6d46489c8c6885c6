import type { JobKind } from '../schema/queue-job.ts';

/** The job states `yardstick queue` counts (pg-boss's `retry` counts as queued, `cancelled` apart). */
export type JobState = 'queued' | 'active' | 'completed' | 'failed' | 'cancelled';

/** How many jobs of one run, kind and endpoint are in one state. */
export interface JobCountRow {
  runId: string;
  kind: JobKind;
  endpoint: string;
  state: JobState;
  count: number;
}

export interface JobCounts {
  queued: number;
  active: number;
  completed: number;
  failed: number;
  cancelled: number;
}

/** One line of `yardstick queue`: a run at one endpoint, its jobs by kind and state. */
export interface QueueStatusLine {
  runId: string;
  endpoint: string;
  total: JobCounts;
  byKind: Record<JobKind, JobCounts>;
}

const none = (): JobCounts => ({ queued: 0, active: 0, completed: 0, failed: 0, cancelled: 0 });

/** The queue engine's state names as `yardstick queue` shows them; null for states it leaves out. */
export function jobState(engineState: string): JobState | null {
  if (engineState === 'created' || engineState === 'retry') return 'queued';
  if (engineState === 'active' || engineState === 'completed' || engineState === 'failed') return engineState;
  if (engineState === 'cancelled') return 'cancelled';
  return null;
}

/** Counts per run and endpoint, runs in the order given (unknown runs after, by id). */
export function queueStatus(rows: readonly JobCountRow[], order: readonly string[] = []): QueueStatusLine[] {
  const lines = new Map<string, QueueStatusLine>();
  for (const r of rows) {
    const key = `${r.runId}\u0000${r.endpoint}`;
    let line = lines.get(key);
    if (!line) {
      line = {
        runId: r.runId,
        endpoint: r.endpoint,
        total: none(),
        byKind: { gen: none(), score: none(), exec: none() },
      };
      lines.set(key, line);
    }
    line.total[r.state] += r.count;
    line.byKind[r.kind][r.state] += r.count;
  }
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...lines.values()].sort((a, b) => {
    const ra = rank.get(a.runId) ?? Number.MAX_SAFE_INTEGER;
    const rb = rank.get(b.runId) ?? Number.MAX_SAFE_INTEGER;
    if (ra !== rb) return ra - rb;
    return a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : a.endpoint.localeCompare(b.endpoint);
  });
}

/** True when no job of the line is waiting or running. */
export const settled = (line: QueueStatusLine): boolean => line.total.queued + line.total.active === 0;
