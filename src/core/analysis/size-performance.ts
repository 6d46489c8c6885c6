import { formatParams } from '../format/format-params.ts';
import { linearFit } from '../stats/linear-fit.ts';
import { studentTTwoSidedP } from '../stats/student-t.ts';
import { type Finding, finding } from './finding.ts';
import type { Point } from './points.ts';
import { gapNoise } from './score-noise.ts';
import { num, pValue, ratio, round, signed } from './wording.ts';

export interface SizeRow {
  point: Point;
  size: number;
  logSize: number;
  fitted: number;
  residual: number;
  standardized: number;
  studentized: number;
  /** Bonferroni-adjusted two-sided p of the outlier test on the studentized residual. */
  pAdjusted: number;
}

export interface SizePerformance {
  axis: 'total' | 'active';
  n: number;
  slopePerDecade: number;
  intercept: number;
  r2: number;
  sigma: number;
  rows: SizeRow[];
  outliers: SizeRow[];
  underperformers: SizeRow[];
  /** Points no other point beats at the same or a smaller size, smallest first. */
  frontier: Point[];
  alpha: number;
}

/** Fewer points than this and no fit is attempted: residuals would mean nothing. */
export const MIN_FIT_POINTS = 6;

/**
 * Least-squares fit of score on log10(parameters). A point is an efficiency outlier (above the line)
 * or an underperformer (below) when the Bonferroni outlier test on its externally studentized
 * residual (t with n - 3 df, n comparisons) gives p < alpha. Returns null when fewer than
 * MIN_FIT_POINTS points have a known size, or all sizes are equal.
 */
export function sizePerformance(
  points: readonly Point[],
  axis: 'total' | 'active',
  alpha = 0.05,
): SizePerformance | null {
  const sized = points.filter((p): p is Point & { size: number } => p.size !== null && p.size > 0);
  if (sized.length < MIN_FIT_POINTS) return null;
  const x = sized.map((p) => Math.log10(p.size));
  if (new Set(x).size < 2) return null;
  const fit = linearFit(
    x,
    sized.map((p) => p.value),
  );
  const n = sized.length;
  const rows: SizeRow[] = sized.map((point, i) => {
    const t = fit.studentized[i]!;
    return {
      point,
      size: point.size,
      logSize: x[i]!,
      fitted: fit.fitted[i]!,
      residual: fit.residuals[i]!,
      standardized: fit.standardized[i]!,
      studentized: t,
      pAdjusted: Math.min(1, n * studentTTwoSidedP(t, n - 3)),
    };
  });
  const flagged = rows.filter((r) => r.pAdjusted < alpha);
  return {
    axis,
    n,
    slopePerDecade: fit.slope,
    intercept: fit.intercept,
    r2: fit.r2,
    sigma: fit.sigma,
    rows,
    outliers: flagged.filter((r) => r.residual > 0).sort((a, b) => b.residual - a.residual),
    underperformers: flagged.filter((r) => r.residual < 0).sort((a, b) => a.residual - b.residual),
    frontier: paretoFrontier(sized),
    alpha,
  };
}

/** Points with no other point at the same or a smaller size scoring higher (ties: the smaller wins). */
export function paretoFrontier<T extends { size: number | null; value: number }>(points: readonly T[]): T[] {
  const sized = points.filter((p) => p.size !== null);
  return sized
    .filter(
      (p) =>
        !sized.some(
          (q) =>
            q !== p &&
            ((q.size! <= p.size! && q.value > p.value) || (q.size! < p.size! && q.value >= p.value)),
        ),
    )
    .sort((a, b) => a.size! - b.size!);
}

function sizeNote(sp: SizePerformance): string {
  return sp.axis === 'active' ? 'activated parameters' : 'total parameters';
}

/** Findings from a size fit: outliers, underperformers, and frontier models matching larger ones. */
export function sizeFindings(sp: SizePerformance, benchmark: string): Finding[] {
  const out: Finding[] = [];
  const fitEvidence = {
    n: sp.n,
    axis: sp.axis,
    slopePerDecade: round(sp.slopePerDecade),
    intercept: round(sp.intercept),
    r2: round(sp.r2),
    residualSd: round(sp.sigma),
    test: `Bonferroni outlier test on externally studentized residuals, alpha ${sp.alpha}`,
  };
  const rowFinding = (r: SizeRow, kind: 'efficiency-outlier' | 'underperformer') =>
    finding({
      kind,
      subjects: { models: [r.point.model.id], benchmarks: [benchmark] },
      metric: 'standardized-residual',
      value: round(r.standardized, 3),
      evidence: {
        score: r.point.value,
        sizeB: r.size,
        fitted: round(r.fitted),
        residual: round(r.residual),
        studentized: round(r.studentized, 3),
        pAdjusted: round(r.pAdjusted, 5),
        ...fitEvidence,
      },
      text:
        `${r.point.label} (${formatParams(r.size)}, ${num(r.point.value)}) lies ${num(Math.abs(r.residual))} points ` +
        `${r.residual > 0 ? 'above' : 'below'} the fit of score on log ${sizeNote(sp)} ` +
        `(standardized residual ${signed(r.standardized, 2)}, Bonferroni p ${pValue(r.pAdjusted)}).`,
    });
  for (const r of sp.outliers) out.push(rowFinding(r, 'efficiency-outlier'));
  for (const r of sp.underperformers) out.push(rowFinding(r, 'underperformer'));
  const flagged = new Set([...sp.outliers, ...sp.underperformers]);
  const sortedRows = [...sp.rows].sort((a, b) => b.residual - a.residual);
  const extremes = [sortedRows[0]!, sortedRows[sortedRows.length - 1]!].filter(
    (r, i) => !flagged.has(r) && (i === 0 ? r.residual > 0 : r.residual < 0),
  );
  for (const r of extremes)
    out.push(
      finding({
        kind: 'extreme',
        subjects: { models: [r.point.model.id], benchmarks: [benchmark] },
        metric: r.residual > 0 ? 'largest-residual-above' : 'largest-residual-below',
        value: round(r.residual),
        evidence: {
          score: r.point.value,
          sizeB: r.size,
          fitted: round(r.fitted),
          standardized: round(r.standardized, 3),
          studentized: round(r.studentized, 3),
          pAdjusted: round(r.pAdjusted, 5),
          ...fitEvidence,
        },
        text:
          `${r.point.label} lies furthest ${r.residual > 0 ? 'above' : 'below'} the size fit ` +
          `(${signed(r.residual)} points, standardized residual ${signed(r.standardized, 2)}), but with ${sp.n} models ` +
          `this is not a clear outlier (Bonferroni p ${pValue(r.pAdjusted)}).`,
      }),
    );
  const points = sp.rows.map((r) => r.point);
  for (const p of sp.frontier) {
    const matched = points
      .filter((q) => q.size !== null && q.size > p.size! && q.value <= p.value)
      .sort((a, b) => a.size! - b.size! || b.value - a.value);
    if (!matched.length) continue;
    const ratios = matched.map((q) => q.size! / p.size!);
    const lo = Math.min(...ratios);
    const hi = Math.max(...ratios);
    if (hi < 2) continue;
    const larger = points.filter((q) => q.size !== null && q.size > p.size!).length;
    const biggest = matched[matched.length - 1]!;
    const range = lo === hi ? `${ratio(hi)} times` : `${ratio(lo)}-${ratio(hi)} times`;
    const noise = matched.map((q) => gapNoise(p.benchmark, p.result, q.result));
    const within = noise.filter((x) => x?.within).length;
    const bands = noise.filter((x) => x?.within).map((x) => x!.band);
    const band = bands.length ? Math.max(...bands) : null;
    const whom =
      within === matched.length
        ? matched.length === 1
          ? 'it'
          : matched.length === 2
            ? 'both'
            : `all ${matched.length}`
        : `${within} of them`;
    const noiseText =
      within && band !== null
        ? `; against ${whom} the margin is within noise (up to ±${num(band)} at ${p.benchmark.itemCount} items)`
        : '';
    const who =
      matched.length === larger
        ? `all ${larger} larger models`
        : `${matched.length} of the ${larger} larger models`;
    out.push(
      finding({
        kind: 'dominance',
        subjects: { models: [p.model.id, ...matched.map((q) => q.model.id)], benchmarks: [benchmark] },
        metric: 'larger-models-matched',
        value: matched.length,
        evidence: {
          score: p.value,
          sizeB: p.size,
          onParetoFrontier: true,
          matched: matched.map((q) => ({
            model: q.model.id,
            score: q.value,
            sizeB: q.size,
            ratio: round(q.size! / p.size!, 2),
          })),
          largerModels: larger,
          marginsWithinNoise: within,
        },
        text:
          `${p.label} (${formatParams(p.size)}, ${num(p.value)}) matches or beats ${who}, ` +
          `which are ${range} its size, up to ${biggest.label} (${formatParams(biggest.size)}, ${num(biggest.value)})${noiseText}.`,
      }),
    );
  }
  return out;
}
