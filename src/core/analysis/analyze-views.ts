import { z } from 'zod';
import type { ResultView } from '../query/result-view.ts';
import { baselineCrossings } from './baseline-crossings.ts';
import { deltaIntervalFindings } from './delta-intervals.ts';
import { deltaFindings } from './delta-summary.ts';
import { dominanceFindings } from './dominance.ts';
import type { Finding } from './finding.ts';
import { methodPairs, pairFindings, pairGains } from './method-pairs.ts';
import { type ItemScores, pairedComparisons, pairedFindings } from './paired-runs.ts';
import { byBenchmark, type Point, primaryPoints, toPoint } from './points.ts';
import { topWithinNoise } from './score-noise-findings.ts';
import { sizeFindings, sizePerformance } from './size-performance.ts';
import { findTiers, tierFindings } from './tiers.ts';
import { sizeTrend, trendFinding } from './trend.ts';

export const AnalysisOptions = z.object({
  sizeAxis: z.enum(['total', 'active']).default('total'),
  /** Models drawn as reference lines: excluded from fits and tiers, used for baseline crossings. */
  references: z.array(z.string()).default([]),
  /** Explicit method pairs [from, to]; more are found from model cards (same base model and size). */
  pairs: z.array(z.tuple([z.string(), z.string()])).default([]),
  highlightMethod: z.string().nullable().default(null),
  /** Figure groups (model id -> label): delta signs are also checked within each group. */
  groups: z.record(z.string(), z.string()).default({}),
  /** Size analyses (fit, frontier, trend) run only when true. */
  sizeAnalysis: z.boolean().default(true),
  seed: z.number().int().default(1),
  alpha: z.number().gt(0).lt(1).default(0.05),
});
export type AnalysisOptions = z.infer<typeof AnalysisOptions>;
export type AnalysisOptionsInput = z.input<typeof AnalysisOptions>;

/**
 * Every analysis that applies to these results, as findings in a stable order: deltas first, then per
 * benchmark (size fit, frontier, trend, tiers, noise, reference lines, method pairs), then across
 * benchmarks (dominance, best and worst benchmark), then per-item paired tests between measured runs
 * when `itemScores` holds their samples. Pure and deterministic for a given seed.
 */
export function analyzeViews(
  views: readonly ResultView[],
  input: AnalysisOptionsInput = {},
  itemScores: ItemScores = new Map(),
): Finding[] {
  const o = AnalysisOptions.parse(input);
  // A canonical order, so findings (and bootstrap draws) do not depend on the order results arrive in.
  const points = views
    .map((v) => toPoint(v, o.sizeAxis))
    .sort(
      (a, b) =>
        a.benchmark.id.localeCompare(b.benchmark.id) ||
        a.key.localeCompare(b.key) ||
        (a.result.baseline ?? '').localeCompare(b.result.baseline ?? '') ||
        a.result.metric.localeCompare(b.result.metric) ||
        a.value - b.value,
    );
  const deltas = unique(points.filter((p) => p.result.baseline !== null));
  const scores = unique(points.filter((p) => p.result.baseline === null));
  const out: Finding[] = [];
  if (deltas.length) out.push(...deltaFindings(deltas, o.groups), ...deltaIntervalFindings(deltas));
  const refs = new Set(o.references);
  const perBench = byBenchmark(scores);
  const main = new Map<string, Point[]>();
  const pairs = methodPairs(
    [...new Map(scores.map((p) => [p.model.id, p.model])).values()],
    o.pairs,
    o.highlightMethod,
  );
  for (const [bench, all] of perBench) {
    const references = all.filter(
      (p) => refs.has(p.model.id) && p.result.condition === all[0]!.result.condition,
    );
    const others = all.filter((p) => !references.includes(p));
    const primary = primaryPoints(others);
    main.set(bench, primary);
    if (o.sizeAnalysis) {
      const sp = sizePerformance(primary, o.sizeAxis, o.alpha);
      if (sp) out.push(...sizeFindings(sp, bench));
      const trend = sizeTrend(primary, o.sizeAxis, o.seed);
      if (trend) out.push(trendFinding(trend, bench));
    }
    out.push(...tierFindings(findTiers(primary), bench));
    const noise = topWithinNoise(primary, bench);
    if (noise) out.push(noise);
    if (references.length) out.push(...baselineCrossings(others, references, bench));
    const gains = pairGains(primary, pairs);
    out.push(...pairFindings(gains, bench));
  }
  out.push(...dominanceFindings(main));
  if (itemScores.size) out.push(...pairedFindings(pairedComparisons(main, itemScores), o.alpha));
  return out;
}

/**
 * One value per model, condition and benchmark: when several sources report the same thing, a
 * measured run wins over a publication, then the first source by name. Keeps analyses from
 * counting a model twice.
 */
function unique(points: Point[]): Point[] {
  const best = new Map<string, Point>();
  const rank = (p: Point) =>
    `${p.result.source === 'run' ? 0 : 1}|${p.result.runId ?? p.result.paper ?? ''}|${p.result.figure ?? p.result.table ?? ''}`;
  for (const p of points) {
    const k = `${p.benchmark.id}|${p.key}|${p.result.baseline ?? ''}`;
    const cur = best.get(k);
    if (!cur || rank(p) < rank(cur)) best.set(k, p);
  }
  return points.filter((p) => best.get(`${p.benchmark.id}|${p.key}|${p.result.baseline ?? ''}`) === p);
}
