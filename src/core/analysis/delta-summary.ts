import { mean, median, sampleSd } from '../stats/describe-sample.ts';
import { type Finding, finding } from './finding.ts';
import type { Point } from './points.ts';
import { deltaNoiseBand } from './score-noise.ts';
import { joinList, num, round, signed } from './wording.ts';

export interface DeltaStats {
  benchmark: string;
  label: string;
  n: number;
  mean: number;
  median: number;
  positive: number;
  negative: number;
  zero: number;
  /** 'positive' or 'negative' when every model moves that way (no zeros), else null. */
  consistent: 'positive' | 'negative' | null;
  /** Upper bound on the noise band of a Δ at this benchmark's item count; null when unknown. */
  noiseBand: number | null;
  withinNoise: Point[];
}

export const MIN_SIGN_MODELS = 3;

/** Per-benchmark summary of deltas: centre, sign counts and which are within noise. */
export function deltaStats(points: readonly Point[]): DeltaStats {
  const first = points[0];
  if (!first) throw new RangeError('deltaStats needs points');
  const v = points.map((p) => p.value);
  const positive = v.filter((x) => x > 0).length;
  const negative = v.filter((x) => x < 0).length;
  const n = v.length;
  const band = deltaNoiseBand(first.benchmark, first.result.unit);
  return {
    benchmark: first.benchmark.id,
    label: first.benchmark.shortName ?? first.benchmark.name,
    n,
    mean: mean(v),
    median: median(v),
    positive,
    negative,
    zero: n - positive - negative,
    consistent:
      n >= MIN_SIGN_MODELS && positive === n
        ? 'positive'
        : n >= MIN_SIGN_MODELS && negative === n
          ? 'negative'
          : null,
    noiseBand: band,
    withinNoise: band === null ? [] : points.filter((p) => Math.abs(p.value) < band),
  };
}

function describeCounts(s: DeltaStats): string {
  return `mean ${signed(s.mean)}, median ${signed(s.median)}`;
}

/** Consistent signs, within-noise deltas per benchmark, extremes and per-model volatility. */
export function deltaFindings(
  points: readonly Point[],
  figureGroups: Readonly<Record<string, string>> = {},
): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, Point[]>();
  for (const p of points) groups.set(p.benchmark.id, [...(groups.get(p.benchmark.id) ?? []), p]);
  const stats = [...groups.values()].map((g) => deltaStats(g));
  for (const s of stats) {
    const g = groups.get(s.benchmark)!;
    const evidence = {
      n: s.n,
      mean: round(s.mean),
      median: round(s.median),
      positive: s.positive,
      negative: s.negative,
      zero: s.zero,
      values: g.map((p) => ({ model: p.key, delta: p.value })),
      noiseBand: s.noiseBand === null ? null : round(s.noiseBand),
    };
    if (s.consistent) {
      const beyond = s.noiseBand === null ? null : g.filter((p) => Math.abs(p.value) >= s.noiseBand!).length;
      const noise =
        beyond === null
          ? ''
          : `; ${beyond} of ${s.n} exceed the ±${num(s.noiseBand!)} noise bound for ${g[0]!.benchmark.itemCount} items`;
      out.push(
        finding({
          kind: 'consistent-sign',
          subjects: { models: g.map((p) => p.model.id), benchmarks: [s.benchmark] },
          metric: 'delta-sign',
          value: s.consistent === 'positive' ? 1 : -1,
          evidence,
          text: `On ${s.label}, Δ is ${s.consistent} for all ${s.n} models (${describeCounts(s)}${noise}).`,
        }),
      );
    }
    if (!s.consistent) out.push(...groupSigns(g, figureGroups, s.label));
    if (s.noiseBand !== null && s.withinNoise.length) {
      const w = s.withinNoise;
      out.push(
        finding({
          kind: 'within-noise',
          subjects: { models: w.map((p) => p.model.id), benchmarks: [s.benchmark] },
          metric: 'delta-noise-band',
          value: round(s.noiseBand),
          evidence: { ...evidence, items: g[0]!.benchmark.itemCount, withinNoise: w.map((p) => p.key) },
          text:
            `On ${s.label} (${g[0]!.benchmark.itemCount} items), ${w.length === s.n ? `all ${s.n}` : `${w.length} of ${s.n}`} Δ ` +
            `${w.length === 1 ? 'is' : 'are'} smaller than ±${num(s.noiseBand)}, the most two independent runs could differ by chance (95%, worst case): ` +
            `${joinList(w.map((p) => `${p.label} ${signed(p.value)}`))}.`,
        }),
      );
    }
  }
  const all = [...points];
  if (all.length >= 2) {
    const max = Math.max(...all.map((p) => p.value));
    const min = Math.min(...all.map((p) => p.value));
    const at = (x: number) => all.filter((p) => p.value === x);
    const where = (ps: Point[]) =>
      joinList(ps.map((p) => `${p.label} on ${p.benchmark.shortName ?? p.benchmark.name}`));
    if (max > 0)
      out.push(
        finding({
          kind: 'extreme',
          subjects: {
            models: at(max).map((p) => p.model.id),
            benchmarks: [...new Set(at(max).map((p) => p.benchmark.id))],
          },
          metric: 'largest-gain',
          value: max,
          evidence: {
            points: at(max).map((p) => ({ model: p.key, benchmark: p.benchmark.id, delta: p.value })),
          },
          text: `The largest gain is ${signed(max)} (${where(at(max))}).`,
        }),
      );
    if (min < 0)
      out.push(
        finding({
          kind: 'extreme',
          subjects: {
            models: at(min).map((p) => p.model.id),
            benchmarks: [...new Set(at(min).map((p) => p.benchmark.id))],
          },
          metric: 'largest-drop',
          value: min,
          evidence: {
            points: at(min).map((p) => ({ model: p.key, benchmark: p.benchmark.id, delta: p.value })),
          },
          text: `The largest drop is ${signed(min)} (${where(at(min))}).`,
        }),
      );
    const perModel = new Map<string, Point[]>();
    for (const p of all) perModel.set(p.key, [...(perModel.get(p.key) ?? []), p]);
    const vol = [...perModel.values()]
      .filter((ps) => ps.length >= 3)
      .map((ps) => ({ p: ps[0]!, sd: sampleSd(ps.map((q) => q.value)), n: ps.length }))
      .sort((a, b) => b.sd - a.sd || a.p.label.localeCompare(b.p.label));
    if (vol.length >= 2) {
      const hi = vol[0]!;
      const lo = vol[vol.length - 1]!;
      out.push(
        finding({
          kind: 'extreme',
          subjects: { models: [hi.p.model.id, lo.p.model.id], benchmarks: [] },
          metric: 'delta-volatility-sd',
          value: round(hi.sd),
          evidence: { volatility: vol.map((v) => ({ model: v.p.key, sd: round(v.sd), datasets: v.n })) },
          text:
            `Δ varies most across datasets for ${hi.p.label} (SD ${num(hi.sd)} over ${hi.n}) ` +
            `and least for ${lo.p.label} (SD ${num(lo.sd)} over ${lo.n}).`,
        }),
      );
    }
  }
  return out;
}

/**
 * Within one benchmark whose models do not all move the same way: figure groups (at least
 * MIN_SIGN_MODELS members) whose models all do. Opposite groups are named in one finding.
 */
function groupSigns(
  points: readonly Point[],
  groups: Readonly<Record<string, string>>,
  label: string,
): Finding[] {
  const byGroup = new Map<string, Point[]>();
  for (const p of points) {
    const g = groups[p.model.id];
    if (g) byGroup.set(g, [...(byGroup.get(g) ?? []), p]);
  }
  const signed_: { group: string; sign: 'positive' | 'negative'; ps: Point[] }[] = [];
  for (const [group, ps] of byGroup) {
    if (ps.length < MIN_SIGN_MODELS) continue;
    if (ps.every((p) => p.value > 0)) signed_.push({ group, sign: 'positive', ps });
    else if (ps.every((p) => p.value < 0)) signed_.push({ group, sign: 'negative', ps });
  }
  if (!signed_.length) return [];
  const part = ({ group, sign, ps }: (typeof signed_)[number]) => {
    const vs = ps.map((p) => p.value);
    return `${sign} for all ${ps.length} ${group} (${signed(Math.min(...vs))} to ${signed(Math.max(...vs))})`;
  };
  const all = signed_.flatMap((x) => x.ps);
  return [
    finding({
      kind: 'consistent-sign',
      subjects: { models: all.map((p) => p.model.id), benchmarks: [all[0]!.benchmark.id] },
      metric: 'delta-sign-in-group',
      value: signed_.length,
      evidence: {
        groups: signed_.map((x) => ({
          group: x.group,
          sign: x.sign,
          values: x.ps.map((p) => ({ model: p.key, delta: p.value })),
        })),
      },
      text: `On ${label}, models do not all move the same way, but Δ is ${joinList(signed_.map(part))}.`,
    }),
  ];
}
