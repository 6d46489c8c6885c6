import { z } from 'zod';
import { Slug } from './ids.ts';

export const ChartKind = z.enum([
  'size-scatter',
  'delta-dots',
  'grouped-bars',
  'category-scatter',
  'heatmap',
]);
export type ChartKind = z.infer<typeof ChartKind>;

/**
 * A figure: which results to draw, and how. `options` are read by the chart kind's own schema;
 * `groups` assigns figure-specific labels to models (e.g. "Open LLMs", "Close LLMs").
 */
export const FigurePreset = z.object({
  id: Slug,
  chart: ChartKind,
  title: z.string().min(1),
  caption: z.string().nullable().default(null),
  benchmarks: z.array(Slug).min(1),
  models: z.array(Slug).nullable().default(null),
  /** Only results from this paper (publication source); null means any source. */
  paper: z.string().nullable().default(null),
  groups: z.record(Slug, z.string().min(1)).default({}),
  options: z.record(z.string(), z.unknown()).default({}),
});
export type FigurePreset = z.infer<typeof FigurePreset>;
export type FigurePresetInput = z.input<typeof FigurePreset>;
