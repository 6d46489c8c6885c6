import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_DIR } from '../../../src/adapters/catalog/catalog-files.ts';
import { joinResults, type ResultView } from '../../../src/core/query/result-view.ts';
import { Benchmark, FigurePreset, ModelCard, Result } from '../../../src/core/schema/index.ts';

function records(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The shipped catalog as result views and figure presets, read straight from catalog/. */
export function catalogViews(): { views: ResultView[]; figures: FigurePreset[] } {
  const all = [
    ...records(join(CATALOG_DIR, 'benchmarks.jsonl')),
    ...records(join(CATALOG_DIR, 'models.jsonl')),
    ...readdirSync(join(CATALOG_DIR, 'figures'))
      .sort()
      .flatMap((f) => records(join(CATALOG_DIR, 'figures', f))),
  ];
  const strip = ({ kind: _, ...rest }: Record<string, unknown>) => rest;
  const of = (k: string) => all.filter((r) => r['kind'] === k).map(strip);
  const models = of('model').map((r) => ModelCard.parse(r));
  const benchmarks = of('benchmark').map((r) => Benchmark.parse(r));
  const results = of('result').map((r) => Result.parse(r));
  const figures = of('figure').map((r) => FigurePreset.parse(r));
  return { views: joinResults(results, models, benchmarks), figures };
}

export function catalogFigure(id: string): { views: ResultView[]; preset: FigurePreset } {
  const { views, figures } = catalogViews();
  const preset = figures.find((f) => f.id === id);
  if (!preset) throw new Error(`no figure ${id}`);
  return { views, preset };
}
