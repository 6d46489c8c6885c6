import type { SampleRecord } from '../schema/index.ts';
import { holmAdjust } from '../stats/holm-adjust.ts';
import { type PairedDifference, pairedDifference } from '../stats/paired-difference.ts';
import { type Finding, finding } from './finding.ts';
import type { Point } from './points.ts';
import { joinList, num, pValue, round, signed } from './wording.ts';

/** Per run: item id -> mean score of its samples, in [0, 1]. */
export type ItemScores = ReadonlyMap<string, ReadonlyMap<string, number>>;

export interface PairedComparison {
  a: Point;
  b: Point;
  items: number;
  test: PairedDifference;
  /** Holm-adjusted p across every comparison made in one analysis. */
  pHolm: number;
}

const MIN_COMMON_ITEMS = 10;

/**
 * Every pair of measured runs on the same benchmark that share at least 10 scored items, compared
 * item by item (difference of b - a in points, on the 0-100 scale when the unit is %), with Holm
 * correction across all the comparisons.
 */
export function pairedComparisons(
  byBench: ReadonlyMap<string, Point[]>,
  scores: ItemScores,
): PairedComparison[] {
  const raw: Omit<PairedComparison, 'pHolm'>[] = [];
  for (const [, ps] of byBench) {
    const runs = ps
      .filter((p) => p.result.source === 'run' && p.result.runId && scores.has(p.result.runId))
      .sort((x, y) => y.value - x.value || x.key.localeCompare(y.key));
    for (let i = 0; i < runs.length; i++)
      for (let j = i + 1; j < runs.length; j++) {
        const a = runs[j]!;
        const b = runs[i]!;
        const sa = scores.get(a.result.runId!)!;
        const sb = scores.get(b.result.runId!)!;
        const common = [...sa.keys()].filter((k) => sb.has(k)).sort();
        if (common.length < MIN_COMMON_ITEMS) continue;
        const scale = a.result.unit === '%' ? 100 : 1;
        const test = pairedDifference(
          common.map((k) => scale * sa.get(k)!),
          common.map((k) => scale * sb.get(k)!),
        );
        raw.push({ a, b, items: common.length, test });
      }
  }
  const adjusted = holmAdjust(raw.map((r) => r.test.p));
  return raw.map((r, i) => ({ ...r, pHolm: adjusted[i]! }));
}

/**
 * Findings from paired comparisons: a `dominance` finding for each difference that survives Holm
 * correction at alpha, and per benchmark one `within-noise` finding listing the ones that do not.
 */
export function pairedFindings(comparisons: readonly PairedComparison[], alpha = 0.05): Finding[] {
  const out: Finding[] = [];
  const evidence = (c: PairedComparison) => ({
    a: c.a.key,
    b: c.b.key,
    items: c.items,
    difference: round(c.test.difference),
    se: round(c.test.se),
    z: round(c.test.z, 3),
    p: round(c.test.p, 6),
    pHolm: round(c.pHolm, 6),
    comparisons: comparisons.length,
  });
  const noisy = new Map<string, PairedComparison[]>();
  for (const c of comparisons) {
    const bench = c.a.benchmark.id;
    if (c.pHolm < alpha && c.test.difference !== 0) {
      const [hi, lo] = c.test.difference > 0 ? [c.b, c.a] : [c.a, c.b];
      out.push(
        finding({
          kind: 'dominance',
          subjects: { models: [hi.model.id, lo.model.id], benchmarks: [bench] },
          metric: 'paired-difference',
          value: round(Math.abs(c.test.difference)),
          evidence: evidence(c),
          text:
            `On the same ${c.items} items of ${hi.benchmark.shortName ?? hi.benchmark.name}, ${hi.label} scores ` +
            `${num(Math.abs(c.test.difference))} points higher than ${lo.label} (SE ${num(c.test.se)}, ` +
            `Holm-adjusted p ${pValue(c.pHolm)} over ${comparisons.length} comparisons).`,
        }),
      );
    } else noisy.set(bench, [...(noisy.get(bench) ?? []), c]);
  }
  for (const [bench, cs] of noisy) {
    const first = cs[0]!.a.benchmark;
    out.push(
      finding({
        kind: 'within-noise',
        subjects: {
          models: [...new Set(cs.flatMap((c) => [c.a.model.id, c.b.model.id]))],
          benchmarks: [bench],
        },
        metric: 'paired-difference',
        value: cs.length,
        evidence: { comparisons: cs.map(evidence) },
        text:
          `On ${first.shortName ?? first.name}, per-item paired tests find no difference beyond noise between ` +
          `${joinList(cs.map((c) => `${c.b.label} and ${c.a.label} (${signed(c.test.difference)}, SE ${num(c.test.se)}, Holm p ${pValue(c.pHolm)})`))}.`,
      }),
    );
  }
  return out;
}

/** Item id -> mean score of that item's scored samples; error samples and unscored ones are left out. */
export function itemScoresOf(
  samples: Iterable<Pick<SampleRecord, 'itemId' | 'score' | 'verdict'>>,
): Map<string, number> {
  const sum = new Map<string, { s: number; n: number }>();
  for (const x of samples) {
    if (x.verdict === 'error' || x.score === null) continue;
    const cur = sum.get(x.itemId) ?? { s: 0, n: 0 };
    sum.set(x.itemId, { s: cur.s + x.score, n: cur.n + 1 });
  }
  return new Map([...sum].map(([k, v]) => [k, v.s / v.n]));
}
