import type { Benchmark, ModelCard, Result } from '../schema/index.ts';

/** A result with its model card and benchmark attached: what listings, charts and analyses read. */
export interface ResultView {
  result: Result;
  model: ModelCard;
  benchmark: Benchmark;
}

/** Joins results to their cards. Results whose model or benchmark is unknown are left out. */
export function joinResults(results: Result[], models: ModelCard[], benchmarks: Benchmark[]): ResultView[] {
  const m = new Map(models.map((x) => [x.id, x]));
  const b = new Map(benchmarks.map((x) => [x.id, x]));
  const out: ResultView[] = [];
  for (const result of results) {
    const model = m.get(result.model);
    const benchmark = b.get(result.benchmark);
    if (model && benchmark) out.push({ result, model, benchmark });
  }
  return out;
}
