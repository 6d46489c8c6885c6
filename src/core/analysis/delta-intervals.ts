import { type Finding, finding } from './finding.ts';
import type { Point } from './points.ts';
import { joinList, num, plural, round, signed } from './wording.ts';

function label(p: Point): string {
  return `${p.label} on ${p.benchmark.shortName ?? p.benchmark.name} (${signed(p.value)}, CI ${signed(p.result.ciLow!)} to ${signed(p.result.ciHigh!)})`;
}

/**
 * Deltas that carry a confidence interval (those measured from paired runs): one `dominance` finding
 * for those whose interval excludes zero (beyond noise) and one `within-noise` finding for the rest.
 */
export function deltaIntervalFindings(points: readonly Point[]): Finding[] {
  const withCi = points.filter((p) => p.result.ciLow !== null && p.result.ciHigh !== null);
  if (!withCi.length) return [];
  const beyond = withCi.filter((p) => p.result.ciLow! > 0 || p.result.ciHigh! < 0);
  const within = withCi.filter((p) => !beyond.includes(p));
  const evidence = (ps: readonly Point[]) => ({
    deltas: ps.map((p) => ({
      model: p.key,
      benchmark: p.benchmark.id,
      condition: p.result.condition,
      baseline: p.result.baseline,
      delta: round(p.value),
      ciLow: round(p.result.ciLow!),
      ciHigh: round(p.result.ciHigh!),
      items: p.result.n,
      runId: p.result.runId,
    })),
    level: withCi[0]!.result.ciLevel ?? 0.95,
  });
  const subjects = (ps: readonly Point[]) => ({
    models: [...new Set(ps.map((p) => p.model.id))],
    benchmarks: [...new Set(ps.map((p) => p.benchmark.id))],
  });
  const out: Finding[] = [];
  if (beyond.length)
    out.push(
      finding({
        kind: 'dominance',
        subjects: subjects(beyond),
        metric: 'delta-ci-excludes-zero',
        value: beyond.length,
        evidence: evidence(beyond),
        text:
          `${plural(beyond.length, 'Δ')} of ${withCi.length} ${beyond.length === 1 ? 'is' : 'are'} beyond noise ` +
          `(the paired 95% interval excludes zero): ${joinList(beyond.map(label))}.`,
      }),
    );
  if (within.length)
    out.push(
      finding({
        kind: 'within-noise',
        subjects: subjects(within),
        metric: 'delta-ci-includes-zero',
        value: within.length,
        evidence: evidence(within),
        text:
          `${plural(within.length, 'Δ')} of ${withCi.length} ${within.length === 1 ? 'is' : 'are'} within noise ` +
          `(the paired 95% interval includes zero; widest ${num(Math.max(...within.map((p) => p.result.ciHigh! - p.result.ciLow!)))} points): ` +
          `${joinList(within.map(label))}.`,
      }),
    );
  return out;
}
