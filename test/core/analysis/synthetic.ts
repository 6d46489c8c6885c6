import { joinResults, type ResultView } from '../../../src/core/query/result-view.ts';
import type { ModelCardInput, ResultInput } from '../../../src/core/schema/index.ts';
import { seededRandom } from '../../../src/core/stats/seeded-random.ts';
import { benchmark, model, result } from '../../helpers/fixtures.ts';

export interface SynthPoint {
  id: string;
  size?: number | null;
  value: number;
  benchmark?: string;
  card?: Partial<ModelCardInput>;
  result?: Partial<ResultInput>;
}

/** Views for synthetic points; benchmarks get `itemCount` items. */
export function views(points: SynthPoint[], itemCount: number | null = 500): ResultView[] {
  const models = [...new Map(points.map((p) => [p.id, p])).values()].map((p) =>
    model({
      id: p.id,
      name: p.id.toUpperCase(),
      totalParamsB: p.size ?? null,
      activeParamsB: p.size ?? null,
      ...p.card,
    }),
  );
  const benches = [...new Set(points.map((p) => p.benchmark ?? 'bench'))].map((id) =>
    benchmark({ id, name: id.toUpperCase(), itemCount }),
  );
  const results = points.map((p) =>
    result({
      model: p.id,
      benchmark: p.benchmark ?? 'bench',
      value: p.value,
      approximate: true,
      ...p.result,
    }),
  );
  return joinResults(results, models, benches);
}

/** Standard normal draws from a seeded generator (Box-Muller). */
export function gaussian(seed: number): () => number {
  const r = seededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

export const SIZES = [1, 2, 3, 5, 7, 8, 14, 24, 32, 50, 70, 110, 180, 250];
