import type { ChartKind } from '../schema/index.ts';
import type { ChartInput, VlSpec } from './chart-input.ts';
import { categoryScatterSpec } from './category-scatter.ts';
import { deltaDotsSpec } from './delta-dots.ts';
import { groupedBarsSpec } from './grouped-bars.ts';
import { heatmapSpec } from './heatmap.ts';
import { sizeScatterSpec } from './size-scatter.ts';

type Builder = (input: ChartInput, overrides?: Record<string, unknown>) => VlSpec;

const builders: Record<ChartKind, Builder> = {
  'size-scatter': sizeScatterSpec,
  'delta-dots': deltaDotsSpec,
  'grouped-bars': groupedBarsSpec,
  'category-scatter': categoryScatterSpec,
  heatmap: heatmapSpec,
};

/** The Vega-Lite spec for a figure, by its chart kind; `overrides` replace the preset's options. */
export function chartSpec(input: ChartInput, overrides: Record<string, unknown> = {}): VlSpec {
  return builders[input.preset.chart](input, overrides);
}
