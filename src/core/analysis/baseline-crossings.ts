import { type Finding, finding } from './finding.ts';
import type { Point } from './points.ts';
import { gapNoise } from './score-noise.ts';
import { joinList, num, round } from './wording.ts';

/**
 * For each reference line (a reference model's score), which other points lie above it, and which
 * crossings or near misses are within noise.
 */
export function baselineCrossings(
  points: readonly Point[],
  references: readonly Point[],
  benchmark: string,
): Finding[] {
  const out: Finding[] = [];
  for (const ref of [...references].sort((a, b) => b.value - a.value)) {
    const above = points.filter((p) => p.value > ref.value).sort((a, b) => b.value - a.value);
    const noiseOf = (p: Point) => gapNoise(p.benchmark, p.result, ref.result);
    const closeAbove = above.filter((p) => noiseOf(p)?.within);
    const closeBelow = points
      .filter((p) => p.value <= ref.value && noiseOf(p)?.within)
      .sort((a, b) => b.value - a.value);
    const band = noiseOf(above[0] ?? closeBelow[0] ?? ref)?.band ?? null;
    const items = ref.benchmark.itemCount;
    const names = (ps: Point[]) => joinList(ps.map((p) => `${p.label} (${num(p.value)})`));
    let text = above.length
      ? `${above.length} of ${points.length} plotted scores ${above.length === 1 ? 'lies' : 'lie'} above ${ref.label} (${num(ref.value)}): ${names(above)}`
      : `None of the ${points.length} plotted scores lies above ${ref.label} (${num(ref.value)})`;
    if (closeAbove.length)
      text += `; the margin of ${joinList(closeAbove.map((p) => p.label))} is within noise`;
    if (closeBelow.length)
      text += `; ${joinList(closeBelow.map((p) => `${p.label} (${num(p.value)})`))} ${closeBelow.length === 1 ? 'falls' : 'fall'} short by less than noise`;
    if (band !== null && (closeAbove.length || closeBelow.length))
      text += ` (±${num(band)} at ${items} items)`;
    out.push(
      finding({
        kind: 'baseline-crossing',
        subjects: { models: [ref.model.id, ...above.map((p) => p.model.id)], benchmarks: [benchmark] },
        metric: 'models-above-reference',
        value: above.length,
        evidence: {
          reference: { model: ref.key, score: ref.value },
          above: above.map((p) => ({ model: p.key, score: p.value, margin: round(p.value - ref.value) })),
          withinNoiseAbove: closeAbove.map((p) => p.key),
          withinNoiseBelow: closeBelow.map((p) => p.key),
          noiseBand: band === null ? null : round(band),
          models: points.length,
        },
        text: `${text}.`,
      }),
    );
  }
  return out;
}
