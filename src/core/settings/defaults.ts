/** Defaults every command shares, written once. Settings (adapters/settings) may override them. */
export const DEFAULTS = {
  /** Requests in flight per run. */
  concurrency: 8,
  /** How often a run's owner writes its heartbeat and counts. */
  heartbeatMs: 5_000,
  /** A heartbeat older than this shows its run `interrupted`. */
  staleMs: 30_000,
  /** Off a terminal, a progress line this often. */
  progressLineMs: 10_000,
  /** The circuit breaker: transport failures in a row that stop a run. */
  maxConsecutiveFailures: 20,
} as const;
