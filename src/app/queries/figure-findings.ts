import type { Store } from '../../adapters/store/store.ts';
import { analyzeFigure } from '../../core/analysis/analyze-figure.ts';
import type { Finding } from '../../core/analysis/finding.ts';
import type { ResultView } from '../../core/query/result-view.ts';
import type { FigurePreset } from '../../core/schema/index.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { resultViews } from './result-views.ts';
import { runItemScores } from './run-item-scores.ts';

export interface FigureFindings {
  preset: FigurePreset;
  /** Every stored result with its metadata (the figure's own are chosen by the analysis). */
  views: ResultView[];
  findings: Finding[];
}

/**
 * The findings of stored figures (all when `ids` is empty), with per-item scores of measured runs for
 * paired tests. `analyze --figure`, `describe` and the report read findings only from here, so they
 * agree by construction.
 */
export async function figureFindings(store: Store, ids: string[], seed: number): Promise<FigureFindings[]> {
  const figures = await store.figures();
  const unknown = ids.filter((id) => !figures.some((f) => f.id === id));
  if (unknown.length)
    throw new UserError(
      `no figure ${unknown.map((u) => `"${u}"`).join(', ')}; known figures: ${figures.map((f) => f.id).join(', ') || 'none (run `yardstick catalog load`)'}`,
      EXIT.notFound,
    );
  const chosen = ids.length ? ids.map((id) => figures.find((f) => f.id === id)!) : figures;
  if (!chosen.length) return [];
  const views = await resultViews(store);
  const itemScores = await runItemScores(store, views);
  return chosen.map((preset) => ({
    preset,
    views,
    findings: analyzeFigure(preset, views, seed, itemScores),
  }));
}
