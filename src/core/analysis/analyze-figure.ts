import type { ResultView } from '../query/result-view.ts';
import type { FigurePreset } from '../schema/index.ts';
import { type AnalysisOptionsInput, analyzeViews } from './analyze-views.ts';
import type { Finding } from './finding.ts';
import type { ItemScores } from './paired-runs.ts';

const str = (x: unknown): string | null => (typeof x === 'string' && x ? x : null);
const strs = (x: unknown): string[] =>
  Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];

/** The results a figure draws: its benchmarks, models, paper and (for deltas) condition and baseline. */
export function figureViews(preset: FigurePreset, views: readonly ResultView[]): ResultView[] {
  const models = preset.models ? new Set(preset.models) : null;
  const benches = new Set(preset.benchmarks);
  const condition = str(preset.options['condition']);
  const baseline = str(preset.options['baseline']);
  return views.filter((v) => {
    const r = v.result;
    if (!benches.has(r.benchmark)) return false;
    if (models && !models.has(r.model)) return false;
    if (preset.paper && r.paper !== preset.paper) return false;
    if (preset.chart === 'delta-dots') {
      if (r.baseline === null) return false;
      if (condition && r.condition !== condition) return false;
      if (baseline && r.baseline !== baseline) return false;
    } else if (r.baseline !== null) return false;
    return true;
  });
}

/** Analysis options a figure's preset implies: size axis, reference lines, method pairs. */
export function figureAnalysisOptions(preset: FigurePreset, seed = 1): AnalysisOptionsInput {
  const o = preset.options;
  const axis = o['sizeAxis'] === 'active' ? 'active' : 'total';
  const pairs = Array.isArray(o['pairs'])
    ? o['pairs']
        .map(strs)
        .filter((p) => p.length === 2)
        .map((p) => [p[0]!, p[1]!] as [string, string])
    : [];
  return {
    sizeAxis: axis,
    references: strs(o['references']),
    pairs,
    highlightMethod: str(o['highlightMethod']),
    groups: preset.groups,
    sizeAnalysis: preset.chart === 'size-scatter' || preset.chart === 'category-scatter',
    seed,
  };
}

/** The findings for one figure: what `yardstick analyze --figure` prints and descriptions summarise. */
export function analyzeFigure(
  preset: FigurePreset,
  views: readonly ResultView[],
  seed = 1,
  itemScores?: ItemScores,
): Finding[] {
  return analyzeViews(figureViews(preset, views), figureAnalysisOptions(preset, seed), itemScores);
}
