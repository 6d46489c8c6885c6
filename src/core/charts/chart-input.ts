import { z } from 'zod';
import { UserError } from '../errors/user-error.ts';
import type { ResultView } from '../query/result-view.ts';
import type { FigurePreset, ModelCard } from '../schema/index.ts';
import type { Box } from './place-labels.ts';
import { FONT_STACK } from './theme.ts';
import { CssColor, FontFamily, MarkerShape } from './style-values.ts';

/** What every chart builder reads: the figure preset and its results, joined to their cards. */
export interface ChartInput {
  preset: FigurePreset;
  views: ResultView[];
}

/** A Vega-Lite spec as plain JSON. */
export type VlSpec = Record<string, unknown> & { usermeta: ChartMeta };

/** A label as drawn: its text and the box it occupies in plot pixels. */
export interface DrawnLabel {
  id: string;
  text: string;
  box: Box;
}

/**
 * What a builder knows about its own layout, kept in the spec's `usermeta`: every label with its
 * box, the boxes labels had to avoid (markers, lines, legend), and what could not be drawn.
 */
export interface ChartMeta {
  kind: string;
  labels: DrawnLabel[];
  markers: Box[];
  obstacles: Box[];
  /** Where the legend sits when it is inside the plot (estimated), else null. */
  legend: Box | null;
  /** Labels that found no free position (drawn at their least-overlapping place). */
  crowded: string[];
  /** Results left out, with the reason (e.g. unknown parameter count). */
  skipped: string[];
}

/** Options every chart kind accepts; each kind extends these with its own. */
export const CommonOptions = z.object({
  title: z.string().min(1).optional(),
  subtitle: z.string().min(1).optional(),
  description: z.string().min(1).optional(),
  width: z.number().int().min(120).max(8000).optional(),
  height: z.number().int().min(120).max(8000).optional(),
  font: FontFamily.default(FONT_STACK),
  fontSize: z.number().min(6).max(32).default(11),
  /** Colours by group, model id or family (whichever the chart colours by). */
  colors: z.record(z.string(), CssColor).default({}),
  /** Marker shapes by group: circle, square, diamond, triangle, pentagon, star, or an SVG path. */
  shapes: z.record(z.string(), MarkerShape).default({}),
  xTitle: z.string().optional(),
  yTitle: z.string().optional(),
  legendTitle: z.string().optional(),
  legend: z.boolean().default(true),
  yDomain: z.tuple([z.number(), z.number()]).optional(),
});
export type CommonOptions = z.infer<typeof CommonOptions>;

/** Parses a figure's options (preset options, then overrides) with a kind's schema; names the field. */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  preset: FigurePreset,
  overrides: Record<string, unknown> = {},
): z.infer<S> {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const parsed = schema.safeParse({ ...preset.options, ...defined });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new UserError(
    `figure "${preset.id}": option ${issue.path.join('.') || '(options)'}: ${issue.message}`,
    3,
  );
}

/** A model's group in a figure: the preset's label for it, else what its card says about openness. */
export function groupOf(preset: FigurePreset, card: ModelCard): string {
  const g = preset.groups[card.id];
  if (g) return g;
  if (card.openWeights && card.openData) return 'Open-Weights & Open-Data';
  if (card.openWeights) return 'Open-Weights Only';
  return 'Closed';
}

/** Groups present in the data, in `order` first, then in order of first appearance. */
export function orderGroups(present: string[], order: string[] = []): string[] {
  const uniq = [...new Set(present)];
  return [...order.filter((g) => uniq.includes(g)), ...uniq.filter((g) => !order.includes(g))];
}

/** A score as papers print it: at most one decimal, with its unit. */
export function formatValue(value: number, unit: string, signed = false): string {
  const v = Number(value.toFixed(1));
  const sign = signed && v > 0 ? '+' : '';
  return `${sign}${v}${unit === '%' || unit === 'pp' ? '%' : ''}`;
}

/** Radius in pixels of a Vega symbol of area `size` (circles and unit paths alike), plus a margin. */
export function markerRadius(size: number): number {
  return Math.max(Math.sqrt(size / Math.PI), Math.sqrt(size) / 2) + 1;
}

export function emptyMeta(kind: string): ChartMeta {
  return { kind, labels: [], markers: [], obstacles: [], legend: null, crowded: [], skipped: [] };
}

/** Throws the user-facing error for a figure with nothing to draw. */
export function noData(preset: FigurePreset, what: string): never {
  throw new UserError(`figure "${preset.id}": no ${what} to draw; load results first`, 5);
}

/** Plain scores (no deltas) in the figure's condition, with benchmarks and models in the figure's order. */
export function scoreGrid(
  input: ChartInput,
  condition: string | null | undefined,
): { views: ChartInput['views']; benchIds: string[]; modelIds: string[] } {
  const { preset } = input;
  const views = input.views.filter(
    (v) => v.result.baseline === null && (!condition || v.result.condition === condition),
  );
  if (!views.length) noData(preset, 'results');
  return {
    views,
    benchIds: orderGroups(
      views.map((v) => v.result.benchmark),
      preset.benchmarks,
    ),
    modelIds: orderGroups(
      views.map((v) => v.model.id),
      preset.models ?? [],
    ),
  };
}
