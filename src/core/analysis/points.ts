import { DEFAULT_CONDITION, paramsOf } from '../schema/index.ts';
import type { Benchmark, ModelCard, Result } from '../schema/index.ts';
import type { ResultView } from '../query/result-view.ts';

/** One plotted value: a model's result on one benchmark under one condition. */
export interface Point {
  /** model id, with ":condition" appended for a non-default condition */
  key: string;
  model: ModelCard;
  benchmark: Benchmark;
  result: Result;
  /** The model's name, with the condition in square brackets when it is not the default. */
  label: string;
  value: number;
  /** Parameters in billions on the analysis' size axis; null when undisclosed. */
  size: number | null;
}

export type SizeAxis = 'total' | 'active';

export function toPoint(v: ResultView, axis: SizeAxis): Point {
  const r = v.result;
  const extra = r.condition !== DEFAULT_CONDITION && r.baseline === null;
  return {
    key: extra ? `${r.model}:${r.condition}` : r.model,
    model: v.model,
    benchmark: v.benchmark,
    result: r,
    label: extra ? `${v.model.name} [${r.condition}]` : v.model.name,
    value: r.value,
    size: paramsOf(v.model, axis),
  };
}

/** Points grouped by benchmark id, in first-seen order. */
export function byBenchmark(points: readonly Point[]): Map<string, Point[]> {
  const out = new Map<string, Point[]>();
  for (const p of points) {
    const list = out.get(p.benchmark.id) ?? [];
    list.push(p);
    out.set(p.benchmark.id, list);
  }
  return out;
}

/** The main points of a benchmark: the default condition when present, else all. */
export function primaryPoints(points: readonly Point[]): Point[] {
  const main = points.filter((p) => p.result.condition === DEFAULT_CONDITION);
  return main.length ? main : [...points];
}
