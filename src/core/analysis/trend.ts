import { bootstrapCi } from '../stats/bootstrap-ci.ts';
import { pearson, spearman } from '../stats/correlation.ts';
import { type Finding, finding } from './finding.ts';
import type { Point } from './points.ts';
import { num, round } from './wording.ts';

export type TrendStrength = 'strong' | 'loose' | 'none';

export interface Correlation {
  r: number;
  low: number;
  high: number;
  strength: TrendStrength;
}

export interface Trend {
  n: number;
  axis: 'total' | 'active';
  pearson: Correlation;
  spearman: Correlation;
  strength: TrendStrength;
}

/** |r| at or above which a trend is called strong, and below which it is called none. */
export const STRONG_R = 0.7;
export const LOOSE_R = 0.3;
export const MIN_TREND_POINTS = 5;

/** "strong" when |r| >= 0.7 and the 95% bootstrap CI excludes 0; "loose" when |r| >= 0.3 and it does; else "none". */
export function trendStrength(r: number, low: number, high: number): TrendStrength {
  if (!Number.isFinite(r) || Math.abs(r) < LOOSE_R || (low <= 0 && high >= 0)) return 'none';
  return Math.abs(r) >= STRONG_R ? 'strong' : 'loose';
}

/** Pearson (on log10 size) and Spearman correlations of score with size, each with a seeded bootstrap CI. */
export function sizeTrend(points: readonly Point[], axis: 'total' | 'active', seed = 1): Trend | null {
  const pairs = points
    .filter((p) => p.size !== null && p.size > 0)
    .map((p) => [Math.log10(p.size!), p.value] as const);
  if (pairs.length < MIN_TREND_POINTS || new Set(pairs.map((p) => p[0])).size < 2) return null;
  const corr = (f: (x: number[], y: number[]) => number, s: number): Correlation => {
    const stat = (sample: (readonly [number, number])[]) =>
      f(
        sample.map((p) => p[0]),
        sample.map((p) => p[1]),
      );
    const ci = bootstrapCi(pairs, stat, { seed: s, iterations: 2000 });
    return {
      r: ci.estimate,
      low: ci.low,
      high: ci.high,
      strength: trendStrength(ci.estimate, ci.low, ci.high),
    };
  };
  const p = corr(pearson, seed);
  const s = corr(spearman, seed + 1);
  const order: TrendStrength[] = ['none', 'loose', 'strong'];
  const strength = order[Math.min(order.indexOf(p.strength), order.indexOf(s.strength))]!;
  return { n: pairs.length, axis, pearson: p, spearman: s, strength };
}

export function trendFinding(t: Trend, benchmark: string): Finding {
  const dir = t.pearson.r >= 0 ? 'rises' : 'falls';
  const head =
    t.strength === 'none'
      ? `Score shows no clear relation to log ${t.axis} parameters`
      : `Score ${dir} ${t.strength === 'strong' ? 'strongly' : 'loosely'} with log ${t.axis} parameters`;
  const c = (x: Correlation) => `${num(x.r, 2)}, 95% CI ${num(x.low, 2)} to ${num(x.high, 2)}`;
  return finding({
    kind: 'trend',
    subjects: { models: [], benchmarks: [benchmark] },
    metric: 'pearson-r-log-size',
    value: round(t.pearson.r, 4),
    evidence: {
      n: t.n,
      axis: t.axis,
      pearson: {
        r: round(t.pearson.r, 4),
        low: round(t.pearson.low, 4),
        high: round(t.pearson.high, 4),
        strength: t.pearson.strength,
      },
      spearman: {
        rho: round(t.spearman.r, 4),
        low: round(t.spearman.low, 4),
        high: round(t.spearman.high, 4),
        strength: t.spearman.strength,
      },
      thresholds: { strong: STRONG_R, loose: LOOSE_R, ciMustExcludeZero: true },
    },
    text: `${head} across ${t.n} models (Pearson r ${c(t.pearson)}; Spearman rho ${c(t.spearman)}).`,
  });
}
