import { type Finding, finding } from './finding.ts';
import type { Point } from './points.ts';
import { gapNoise } from './score-noise.ts';
import { joinList, num, plural, round } from './wording.ts';

/**
 * On a benchmark with a known item count: which models are within noise of the top score, and how
 * many pairwise gaps are. Null when fewer than two points or no item count.
 */
export function topWithinNoise(points: readonly Point[], benchmark: string): Finding | null {
  if (points.length < 2) return null;
  const sorted = [...points].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const top = sorted[0]!;
  const rest = sorted.slice(1);
  const noise = rest.map((p) => ({ p, n: gapNoise(top.benchmark, top.result, p.result) }));
  if (noise.some((x) => x.n === null)) return null;
  const close = noise.filter((x) => x.n!.within);
  let pairs = 0;
  let within = 0;
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length; j++) {
      pairs++;
      if (gapNoise(top.benchmark, sorted[i]!.result, sorted[j]!.result)!.within) within++;
    }
  if (!close.length) return null;
  const items = top.benchmark.itemCount!;
  const name = top.benchmark.shortName ?? top.benchmark.name;
  const band = close[close.length - 1]!.n!.band;
  const group = [top, ...close.map((x) => x.p)];
  const lowest = group[group.length - 1]!;
  const who =
    close.length === rest.length
      ? `the ${sorted.length} scores (${num(lowest.value)} to ${num(top.value)})`
      : `${joinList(group.map((p) => p.label))} (${num(lowest.value)} to ${num(top.value)})`;
  return finding({
    kind: 'within-noise',
    subjects: { models: group.map((p) => p.model.id), benchmarks: [benchmark] },
    metric: 'noise-band',
    value: round(band),
    evidence: {
      items,
      top: { model: top.key, score: top.value },
      withinNoiseOfTop: close.map((x) => ({
        model: x.p.key,
        score: x.p.value,
        gap: round(top.value - x.p.value),
        band: round(x.n!.band),
      })),
      pairwiseGaps: pairs,
      pairwiseWithinNoise: within,
      assumption: 'independent binomial scores, one draw per item, 95%',
    },
    text:
      `On ${name} (${items} items), gaps smaller than about ${num(band)} points cannot be told apart from sampling noise, ` +
      `so ${who} are within noise of the top score; ${within} of ${plural(pairs, 'pairwise gap')} are within noise.`,
  });
}
