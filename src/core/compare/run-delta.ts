import { DEFAULT_CONDITION, Result, type RunRecordInput, type RunSpec } from '../schema/index.ts';
import type { PairedItemTest } from './paired-item-test.ts';

/** The condition a run was made under ("default" when none was named). */
export function runCondition(spec: Pick<RunSpec, 'condition'>): string {
  return spec.condition ?? DEFAULT_CONDITION;
}

/**
 * The pairs of runs a Δ is computed from, for one model and benchmark: for each condition that names
 * a baseline, its latest finished run against the latest finished run of the baseline condition.
 */
export function deltaPairs(runs: readonly RunRecordInput[]): { run: RunSpec; baseline: RunSpec }[] {
  const latest = new Map<string, RunRecordInput>();
  for (const r of runs) {
    if (r.status !== 'finished') continue;
    const key = `${r.spec.model}\u0000${r.spec.benchmark}\u0000${runCondition(r.spec)}`;
    const prior = latest.get(key);
    if (!prior || (r.finishedAt ?? '') > (prior.finishedAt ?? '')) latest.set(key, r);
  }
  const out: { run: RunSpec; baseline: RunSpec }[] = [];
  for (const r of latest.values()) {
    if (!r.spec.baseline) continue;
    const base = latest.get(`${r.spec.model}\u0000${r.spec.benchmark}\u0000${r.spec.baseline}`);
    if (base) out.push({ run: r.spec, baseline: base.spec });
  }
  return out.sort((x, y) => x.run.id.localeCompare(y.run.id));
}

/**
 * A Δ result from two runs of the same model and benchmark under different conditions, paired on the
 * items both scored: condition minus baseline in percentage points, with the paired standard error
 * and 95% interval, sourced to the condition's run (the baseline run is named in the note).
 */
export function deltaResult(run: RunSpec, baseline: RunSpec, test: PairedItemTest, metric: string): Result {
  return Result.parse({
    model: run.model,
    benchmark: run.benchmark,
    condition: runCondition(run),
    baseline: runCondition(baseline),
    metric,
    value: test.difference,
    unit: 'pp',
    n: test.items,
    k: null,
    stderr: Number.isFinite(test.se) ? test.se : null,
    ciLow: test.low,
    ciHigh: test.high,
    ciLevel: 0.95,
    source: 'run',
    runId: run.id,
    note:
      `paired with run ${baseline.id} on ${test.items} items (${test.method}, p ${test.p.toPrecision(3)}; ` +
      `${test.improved} improved, ${test.regressed} regressed)`,
  });
}
