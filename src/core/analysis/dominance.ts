import { mean } from '../stats/describe-sample.ts';
import { type Finding, finding } from './finding.ts';
import type { Point } from './points.ts';
import { gapNoise } from './score-noise.ts';
import { joinList, num, round, signed } from './wording.ts';

const label = (p: Point) => p.benchmark.shortName ?? p.benchmark.name;

/**
 * Across benchmarks: A dominates B when A scores at least as high on every benchmark both have (at
 * least two) and higher on one. One finding per model that dominates any other, with how many of
 * its margins are within noise. Then each model's best and worst benchmark relative to the field.
 */
export function dominanceFindings(byBench: ReadonlyMap<string, Point[]>): Finding[] {
  const benches = [...byBench.keys()];
  if (benches.length < 2) return [];
  const table = new Map<string, Map<string, Point>>();
  for (const [b, ps] of byBench)
    for (const p of ps) table.set(p.key, (table.get(p.key) ?? new Map()).set(b, p));
  const keys = [...table.keys()].filter((k) => table.get(k)!.size >= 2);
  const out: Finding[] = [];
  for (const a of keys) {
    const rowA = table.get(a)!;
    const beaten: {
      key: string;
      margins: { benchmark: string; margin: number; withinNoise: boolean | null }[];
    }[] = [];
    for (const b of keys) {
      if (a === b) continue;
      const rowB = table.get(b)!;
      const common = benches.filter((x) => rowA.has(x) && rowB.has(x));
      if (common.length < 2) continue;
      const margins = common.map((x) => {
        const pa = rowA.get(x)!;
        const pb = rowB.get(x)!;
        return {
          benchmark: x,
          margin: pa.value - pb.value,
          withinNoise: gapNoise(pa.benchmark, pa.result, pb.result)?.within ?? null,
        };
      });
      if (margins.every((m) => m.margin >= 0) && margins.some((m) => m.margin > 0))
        beaten.push({ key: b, margins });
    }
    if (!beaten.length) continue;
    const first = [...rowA.values()][0]!;
    const names = beaten.map((x) => [...table.get(x.key)!.values()][0]!.label);
    const all = beaten.flatMap((x) => x.margins);
    const known = all.filter((m) => m.withinNoise !== null);
    const within = known.filter((m) => m.withinNoise).length;
    const nb = Math.max(...beaten.map((x) => x.margins.length));
    const noise = known.length
      ? `; ${within} of the ${known.length} margins on benchmarks of known size are within noise`
      : '; no benchmark gives an item count, so noise cannot be judged';
    out.push(
      finding({
        kind: 'dominance',
        subjects: {
          models: [first.model.id, ...beaten.map((x) => x.key.split(':')[0]!)],
          benchmarks: benches,
        },
        metric: 'models-dominated',
        value: beaten.length,
        evidence: {
          dominated: beaten.map((x) => ({
            model: x.key,
            margins: x.margins.map((m) => ({ ...m, margin: round(m.margin) })),
          })),
          marginsWithinNoise: within,
          marginsWithKnownNoise: known.length,
        },
        text: `${first.label} scores at least as high as ${joinList(names)} on all ${nb} benchmarks${noise}.`,
      }),
    );
  }
  const means = new Map(benches.map((b) => [b, mean(byBench.get(b)!.map((p) => p.value))]));
  if (keys.length >= 2)
    for (const k of keys) {
      const rel = [...table.get(k)!.entries()]
        .map(([b, p]) => ({ b, p, d: p.value - means.get(b)! }))
        .sort((x, y) => y.d - x.d || x.b.localeCompare(y.b));
      const best = rel[0]!;
      const worst = rel[rel.length - 1]!;
      if (best.b === worst.b) continue;
      out.push(
        finding({
          kind: 'extreme',
          subjects: { models: [best.p.model.id], benchmarks: [best.b, worst.b] },
          metric: 'best-worst-benchmark',
          value: round(best.d - worst.d),
          evidence: {
            relativeToBenchmarkMean: rel.map((r) => ({
              benchmark: r.b,
              score: r.p.value,
              vsMean: round(r.d),
            })),
          },
          text:
            `Relative to the other models, ${best.p.label} does best on ${label(best.p)} (${num(best.p.value)}, ` +
            `${signed(best.d)} vs the mean) and worst on ${label(worst.p)} (${num(worst.p.value)}, ${signed(worst.d)}).`,
        }),
      );
    }
  return out;
}
