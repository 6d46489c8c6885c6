import type { ResultView } from './result-view.ts';

/**
 * Measured scores (not Δ), one per model, benchmark and condition: the result of the run that
 * finished last (`finishedAt`: run id -> finish time), or of a chosen run when `chosen` names one of
 * them. Results of runs not in `finishedAt` (unfinished or unknown) are left out.
 */
export function latestMeasured(
  views: readonly ResultView[],
  finishedAt: ReadonlyMap<string, string>,
  chosen: readonly string[] = [],
): ResultView[] {
  const best = new Map<string, ResultView>();
  const rank = (v: ResultView) =>
    `${chosen.includes(v.result.runId!) ? 1 : 0}|${finishedAt.get(v.result.runId!)}|${v.result.runId}`;
  for (const v of views) {
    const r = v.result;
    if (r.source !== 'run' || r.baseline !== null || !r.runId || !finishedAt.has(r.runId)) continue;
    const key = `${r.model}\u0000${r.benchmark}\u0000${r.condition}`;
    const cur = best.get(key);
    if (!cur || rank(v) > rank(cur)) best.set(key, v);
  }
  return [...best.values()].sort(
    (a, b) =>
      a.result.model.localeCompare(b.result.model) ||
      a.result.benchmark.localeCompare(b.result.benchmark) ||
      a.result.condition.localeCompare(b.result.condition),
  );
}
