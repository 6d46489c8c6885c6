import { naturalBreaks, silhouette } from '../stats/natural-breaks.ts';
import { type Finding, finding } from './finding.ts';
import type { Point } from './points.ts';
import { gapNoise } from './score-noise.ts';
import { joinList, num, round } from './wording.ts';

export interface Tiering {
  /** Tiers from the highest scores to the lowest. */
  tiers: Point[][];
  k: number;
  silhouette: number;
  /** Silhouette of the best split for each k tried (k >= 2). */
  tried: { k: number; silhouette: number }[];
}

/** Mean silhouette a split must reach to count as tiers ("strong structure", Kaufman & Rousseeuw). */
export const TIER_SILHOUETTE = 0.7;
export const MIN_TIER_POINTS = 6;

/**
 * 1-D tiers of scores. For each k from 2 to min(6, n/2), the optimal natural-breaks split; the k with
 * the highest mean silhouette wins, and it is kept only if that silhouette reaches TIER_SILHOUETTE.
 * Otherwise the scores form one tier (no structure) and `k` is 1.
 */
export function findTiers(points: readonly Point[]): Tiering {
  const values = points.map((p) => p.value);
  const n = values.length;
  const tried: { k: number; silhouette: number }[] = [];
  let best: { k: number; silhouette: number; groups: number[][] } | null = null;
  if (n >= MIN_TIER_POINTS && new Set(values).size > 2) {
    for (let k = 2; k <= Math.min(6, Math.floor(n / 2)); k++) {
      const { groups } = naturalBreaks(values, k);
      const s = silhouette(values, groups);
      tried.push({ k, silhouette: round(s, 4) });
      if (!best || s > best.silhouette + 1e-12) best = { k, silhouette: s, groups };
    }
  }
  if (!best || best.silhouette < TIER_SILHOUETTE)
    return { tiers: [[...points]], k: 1, silhouette: best?.silhouette ?? Number.NaN, tried };
  const tiers = best.groups
    .map((g) => g.map((i) => points[i]!).sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)))
    .reverse();
  return { tiers, k: best.k, silhouette: best.silhouette, tried };
}

/** One finding per tier, highest first, each naming its members and its gap to the next tier. */
export function tierFindings(t: Tiering, benchmark: string): Finding[] {
  if (t.k < 2) return [];
  return t.tiers.map((tier, i) => {
    const hi = tier[0]!;
    const lo = tier[tier.length - 1]!;
    const next = t.tiers[i + 1]?.[0];
    const gap = next ? lo.value - next.value : null;
    const noise = next ? gapNoise(lo.benchmark, lo.result, next.result) : null;
    const range = hi.value === lo.value ? num(hi.value) : `${num(lo.value)} to ${num(hi.value)}`;
    let tail = '';
    if (next && gap !== null)
      tail = `; ${num(gap)} points above the next tier${noise?.within ? `, a gap within noise at ${noise.items} items (±${num(noise.band)})` : ''}`;
    return finding({
      kind: 'tier',
      subjects: { models: tier.map((p) => p.model.id), benchmarks: [benchmark] },
      metric: 'tier',
      value: i + 1,
      evidence: {
        tiers: t.k,
        low: lo.value,
        high: hi.value,
        members: tier.map((p) => ({ model: p.key, score: p.value })),
        gapToNext: gap === null ? null : round(gap),
        gapWithinNoise: noise?.within ?? null,
        silhouette: round(t.silhouette, 3),
        criterion: `natural breaks; k with the highest mean silhouette, kept if >= ${TIER_SILHOUETTE}`,
        tried: t.tried,
      },
      text: `Tier ${i + 1} of ${t.k} (${range}): ${joinList(tier.map((p) => p.label))}${tail}.`,
    });
  });
}
