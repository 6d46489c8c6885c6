import { RunStatus } from '../schema/run-spec.ts';

/** The legal moves between states; everything else is a bug or a race between two processes. */
export const RUN_TRANSITIONS: Readonly<Record<RunStatus, readonly RunStatus[]>> = {
  queued: ['running', 'failed', 'interrupted'],
  running: ['finished', 'failed', 'interrupted'],
  interrupted: ['running', 'failed'],
  failed: ['running'],
  // A finished run is resumed again only to retry its error samples.
  finished: ['running'],
};

export function canTransition(from: RunStatus, to: RunStatus): boolean {
  return RUN_TRANSITIONS[from].includes(to);
}

/** The states a run may be in for it to move to `to`. */
export function statesBefore(to: RunStatus): RunStatus[] {
  return RunStatus.options.filter((from) => canTransition(from, to));
}

/** A heartbeat older than this marks its run interrupted: the owner died without a word. */
export const DEFAULT_STALE_MS = 30_000;

export { RunProgress } from '../schema/run-spec.ts';

/**
 * The status other processes should see: a `running` run whose heartbeat is older than `staleMs`
 * (or that never wrote one) is `interrupted`.
 */
export function effectiveStatus(
  status: RunStatus,
  heartbeatAt: string | null,
  nowMs: number,
  staleMs: number = DEFAULT_STALE_MS,
): RunStatus {
  if (status !== 'running') return status;
  if (heartbeatAt === null) return 'interrupted';
  return nowMs - Date.parse(heartbeatAt) > staleMs ? 'interrupted' : 'running';
}
