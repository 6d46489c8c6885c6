import type { ChartInput } from '../charts/chart-input.ts';
import { PALETTE_20 } from '../charts/theme.ts';
import type { ResultView } from '../query/result-view.ts';
import { FigurePreset } from '../schema/index.ts';

/** The row key of a measured score: the model, and its condition when the model was run under several. */
export interface MeasuredKey {
  key: string;
  label: string;
}

/** Per model: the conditions it was measured under, so single-condition models keep their plain name. */
function conditionsByModel(measured: readonly ResultView[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const v of measured) {
    const set = out.get(v.model.id) ?? new Set<string>();
    set.add(v.result.condition);
    out.set(v.model.id, set);
  }
  return out;
}

/** Each measured score's key and label: "Model" or "Model (condition)". */
export function measuredKeys(measured: readonly ResultView[]): Map<ResultView, MeasuredKey> {
  const conds = conditionsByModel(measured);
  return new Map(
    measured.map((v) => {
      const several = (conds.get(v.model.id)?.size ?? 0) > 1;
      const cond = v.result.condition.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
      return [
        v,
        several
          ? { key: `${v.model.id}--${cond}`, label: `${v.model.name} (${v.result.condition})` }
          : { key: v.model.id, label: v.model.name },
      ];
    }),
  );
}

/** One colour per key from the 20-colour palette, in key order, the same in every figure of a report. */
export function keyColors(keys: readonly string[]): Record<string, string> {
  const sorted = [...new Set(keys)].sort();
  return Object.fromEntries(sorted.map((k, i) => [k, PALETTE_20[i % PALETTE_20.length]!]));
}

/**
 * One figure per benchmark of measured scores: a bar per model and condition with its 95% interval,
 * each model (and condition) in its own colour, kept across figures.
 */
export function measuredFigureInputs(measured: readonly ResultView[]): ChartInput[] {
  const keys = measuredKeys(measured);
  const colors = keyColors([...keys.values()].map((k) => k.key));
  const benchmarks = [...new Set(measured.map((v) => v.benchmark.id))].sort();
  return benchmarks.map((b) => {
    const views = measured
      .filter((v) => v.benchmark.id === b)
      .map((v) => {
        const k = keys.get(v)!;
        return { ...v, model: { ...v.model, id: k.key, name: k.label } };
      });
    const bench = views[0]!.benchmark;
    const preset = FigurePreset.parse({
      id: `measured-${b}`,
      chart: 'grouped-bars',
      title: `${bench.shortName ?? bench.name}: measured runs`,
      benchmarks: [b],
      options: { colors, metricLabel: views[0]!.result.metric },
    });
    return { preset, views };
  });
}
