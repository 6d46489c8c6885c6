import type { ModelCard } from '../schema/index.ts';
import { type Finding, finding } from './finding.ts';
import type { Point } from './points.ts';
import { gapNoise } from './score-noise.ts';
import { joinList, num, round, signed } from './wording.ts';

/** Methods ordered from "before" to "after" when a pair's direction must be inferred. */
const METHOD_ORDER = ['base', 'pretrained', 'sft', 'instruct'];

function methodRank(m: string | null): number {
  const i = METHOD_ORDER.indexOf((m ?? '').toLowerCase());
  return i === -1 ? METHOD_ORDER.length : i;
}

/**
 * Pairs of models sharing base model and size but trained by different methods, as [from, to].
 * Explicit pairs come first and win; the rest are found from model cards. The "to" side is the model
 * trained by `preferMethod` when one is, otherwise the later method in Base < SFT < Instruct < others.
 */
export function methodPairs(
  models: readonly ModelCard[],
  explicit: readonly (readonly [string, string])[] = [],
  preferMethod: string | null = null,
): [string, string][] {
  const ids = new Set(models.map((m) => m.id));
  const out: [string, string][] = explicit
    .filter(([a, b]) => ids.has(a) && ids.has(b))
    .map(([a, b]) => [a, b]);
  const used = new Set(out.flat());
  const sorted = [...models].sort((a, b) => a.id.localeCompare(b.id));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (used.has(a.id) || used.has(b.id)) continue;
      if (!a.baseModel || a.baseModel !== b.baseModel) continue;
      if (a.totalParamsB !== b.totalParamsB || !a.trainingMethod || !b.trainingMethod) continue;
      if (a.trainingMethod === b.trainingMethod) continue;
      let to = methodRank(a.trainingMethod) > methodRank(b.trainingMethod) ? a : b;
      if (preferMethod && (a.trainingMethod === preferMethod) !== (b.trainingMethod === preferMethod))
        to = a.trainingMethod === preferMethod ? a : b;
      const from = to === a ? b : a;
      out.push([from.id, to.id]);
      used.add(a.id);
      used.add(b.id);
    }
  }
  return out;
}

export interface PairGain {
  from: Point;
  to: Point;
  gain: number;
  withinNoise: boolean | null;
  band: number | null;
  /** Beyond the band by less than READING_ERROR, with a value read off a chart: too close to call. */
  marginal: boolean;
}

/** Points by which a value read off a chart may be off; a margin smaller than this over noise is marginal. */
export const READING_ERROR = 1;

/** Gains of each pair on one benchmark's points (pairs missing a side are skipped). */
export function pairGains(
  points: readonly Point[],
  pairs: readonly (readonly [string, string])[],
): PairGain[] {
  const byKey = new Map(points.map((p) => [p.key, p]));
  const out: PairGain[] = [];
  for (const [a, b] of pairs) {
    const from = byKey.get(a);
    const to = byKey.get(b);
    if (!from || !to) continue;
    const noise = gapNoise(from.benchmark, from.result, to.result);
    out.push({
      from,
      to,
      gain: to.value - from.value,
      withinNoise: noise?.within ?? null,
      band: noise?.band ?? null,
      marginal:
        noise !== null &&
        !noise.within &&
        (from.result.approximate || to.result.approximate) &&
        Math.abs(to.value - from.value) - noise.band < READING_ERROR,
    });
  }
  return out;
}

const method = (p: Point) => p.model.trainingMethod ?? p.model.name;

/** One finding per pair, then one for their consistency when there are two or more. */
export function pairFindings(gains: readonly PairGain[], benchmark: string): Finding[] {
  const out: Finding[] = gains.map((g) =>
    finding({
      kind: 'pair-improvement',
      subjects: { models: [g.from.model.id, g.to.model.id], benchmarks: [benchmark] },
      metric: 'gain',
      value: round(g.gain),
      evidence: {
        from: { model: g.from.key, method: g.from.model.trainingMethod, score: g.from.value },
        to: { model: g.to.key, method: g.to.model.trainingMethod, score: g.to.value },
        noiseBand: g.band === null ? null : round(g.band),
        withinNoise: g.withinNoise,
        marginal: g.marginal,
      },
      text:
        `${g.to.label} scores ${signed(g.gain)} against ${g.from.label} (${num(g.from.value)} to ${num(g.to.value)})` +
        (g.withinNoise === null
          ? '.'
          : g.withinNoise
            ? `, within noise at ${g.from.benchmark.itemCount} items (±${num(g.band!)}).`
            : g.marginal
              ? `, only just beyond the ±${num(g.band!)} noise band at ${g.from.benchmark.itemCount} items, a margin that reading the values off the chart could erase.`
              : `, beyond the ±${num(g.band!)} noise band at ${g.from.benchmark.itemCount} items.`),
    }),
  );
  if (gains.length >= 2) {
    const pos = gains.filter((g) => g.gain > 0).length;
    const neg = gains.filter((g) => g.gain < 0).length;
    const values = gains.map((g) => g.gain);
    const m = values.reduce((s, x) => s + x, 0) / values.length;
    const toMethods = [...new Set(gains.map((g) => method(g.to)))];
    const fromMethods = [...new Set(gains.map((g) => method(g.from)))];
    const subject =
      toMethods.length === 1
        ? `${toMethods[0]} scores ${pos === gains.length ? 'higher' : 'lower'} than ${joinList(fromMethods)}`
        : `The second model of each pair scores ${pos === gains.length ? 'higher' : 'lower'}`;
    const consistent = pos === gains.length || neg === gains.length;
    const beyond = gains.filter((g) => g.withinNoise === false && !g.marginal).length;
    const known = gains.filter((g) => g.withinNoise !== null).length;
    const noise = known ? `; ${beyond} of ${known} gains clearly exceed noise` : '';
    out.push(
      finding({
        kind: 'pair-improvement',
        subjects: { models: gains.flatMap((g) => [g.from.model.id, g.to.model.id]), benchmarks: [benchmark] },
        metric: 'mean-gain',
        value: round(m),
        evidence: {
          pairs: gains.length,
          positive: pos,
          negative: neg,
          consistent,
          min: Math.min(...values),
          max: Math.max(...values),
          gains: gains.map((g) => ({ from: g.from.key, to: g.to.key, gain: round(g.gain) })),
        },
        text: consistent
          ? `${subject} in all ${gains.length} pairs (gains ${signed(Math.min(...values))} to ${signed(Math.max(...values))}, mean ${signed(m)}${noise}).`
          : `The pairs disagree: ${pos} of ${gains.length} gain and ${neg} lose (mean ${signed(m)}${noise}).`,
      }),
    );
  }
  return out;
}
