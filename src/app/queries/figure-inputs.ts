import type { Store } from '../../adapters/store/store.ts';
import type { ChartInput } from '../../core/charts/chart-input.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { joinResults, type ResultView } from '../../core/query/result-view.ts';
import type { Benchmark, FigurePreset, ModelCard, Result } from '../../core/schema/index.ts';

/** The results a figure draws: its benchmarks, its models (when listed) and its paper (when set). */
export function figureViews(
  preset: FigurePreset,
  results: Result[],
  models: ModelCard[],
  benchmarks: Benchmark[],
): ResultView[] {
  const chosen = results.filter(
    (r) =>
      preset.benchmarks.includes(r.benchmark) &&
      (preset.models === null || preset.models.includes(r.model)) &&
      (preset.paper === null || r.paper === preset.paper),
  );
  return joinResults(chosen, models, benchmarks);
}

/** Every stored figure (or the ones named), each with its results, in id order. */
export async function loadFigureInputs(store: Store, ids: string[] = []): Promise<ChartInput[]> {
  const figures = (await store.figures()).sort((a, b) => a.id.localeCompare(b.id));
  const unknown = ids.find((id) => !figures.some((f) => f.id === id));
  if (unknown)
    throw new UserError(
      `unknown figure "${unknown}"; stored figures: ${figures.map((f) => f.id).join(', ') || 'none'}`,
      EXIT.notFound,
    );
  const chosen = ids.length ? figures.filter((f) => ids.includes(f.id)) : figures;
  if (!chosen.length) return [];
  const [results, models, benchmarks] = await Promise.all([
    store.results({ benchmarks: [...new Set(chosen.flatMap((f) => f.benchmarks))] }),
    store.models(),
    store.benchmarks(),
  ]);
  return chosen.map((preset) => ({ preset, views: figureViews(preset, results, models, benchmarks) }));
}
