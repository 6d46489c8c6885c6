import { z } from 'zod';
import { SchemeName } from './style-values.ts';
import { benchmarkLabel } from '../schema/index.ts';
import {
  type ChartInput,
  CommonOptions,
  emptyMeta,
  parseOptions,
  scoreGrid,
  type VlSpec,
} from './chart-input.ts';
import { textWidth } from './text-width.ts';
import { baseConfig } from './theme.ts';
import { round, roundBox } from './vl-layers.ts';

export const HeatmapOptions = CommonOptions.extend({
  condition: z.string().optional(),
  /** A Vega colour scheme name. */
  scheme: SchemeName.default('blues'),
});
export type HeatmapOptions = z.infer<typeof HeatmapOptions>;

/** Models down, benchmarks across, the value printed in every cell. */
export function heatmapSpec(input: ChartInput, overrides: Record<string, unknown> = {}): VlSpec {
  const { preset } = input;
  const o = parseOptions(HeatmapOptions, preset, overrides);
  const meta = emptyMeta('heatmap');
  const { views, benchIds, modelIds } = scoreGrid(input, o.condition);
  const benchName = new Map(views.map((v) => [v.benchmark.id, benchmarkLabel(v.benchmark)]));
  const modelName = new Map(views.map((v) => [v.model.id, v.model.name]));
  const fs = o.fontSize;
  const cellW = Math.max(56, ...benchIds.map((b) => textWidth(benchName.get(b)!, fs) + 10));
  const cellH = fs * 2 + 6;
  const W = o.width ?? Math.round(cellW * benchIds.length);
  const H = o.height ?? Math.round(cellH * modelIds.length);
  const cw = W / benchIds.length;
  const ch = H / modelIds.length;
  // One cell per model and benchmark: the first result in id order when a pair has several.
  const cells = new Map<string, (typeof views)[number]>();
  for (const v of views) {
    const key = `${v.model.id}|${v.result.benchmark}`;
    if (!cells.has(key)) cells.set(key, v);
  }
  const values = [...cells.values()].map((v) => v.result.value);
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const mid = (lo + hi) / 2;
  const decimals = values.some((x) => !Number.isInteger(x)) ? 1 : 0;
  const data = [...cells.values()].map((v) => {
    const text = v.result.value.toFixed(decimals);
    const cx = (benchIds.indexOf(v.result.benchmark) + 0.5) * cw;
    const cy = (modelIds.indexOf(v.model.id) + 0.5) * ch;
    const w = textWidth(text, fs);
    meta.labels.push({
      id: `${v.model.id}|${v.result.benchmark}`,
      text,
      box: roundBox({ x0: cx - w / 2, x1: cx + w / 2, y0: cy - fs / 2, y1: cy + fs / 2 }),
    });
    return {
      model: modelName.get(v.model.id),
      benchmark: benchName.get(v.result.benchmark),
      value: v.result.value,
      text,
      dark: v.result.value > mid,
      px: round(cx),
    };
  });
  const x = {
    field: 'benchmark',
    type: 'nominal',
    sort: null,
    scale: { domain: benchIds.map((b) => benchName.get(b)), paddingInner: 0, paddingOuter: 0 },
    axis: { title: o.xTitle ?? null, orient: 'top', labelAngle: 0, ticks: false, domain: false },
  };
  const y = {
    field: 'model',
    type: 'nominal',
    sort: null,
    scale: { domain: modelIds.map((m) => modelName.get(m)), paddingInner: 0, paddingOuter: 0 },
    axis: { title: o.yTitle ?? null, ticks: false, domain: false },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: o.title ?? preset.title, ...(o.subtitle ? { subtitle: o.subtitle } : {}) },
    description:
      o.description ??
      `Heatmap of ${modelIds.length} models by ${benchIds.length} benchmarks with each score printed.`,
    width: W,
    height: H,
    config: { ...baseConfig({ font: o.font, fontSize: fs }), view: { stroke: null } },
    data: { values: data },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          x,
          y,
          color: {
            field: 'value',
            type: 'quantitative',
            scale: { scheme: o.scheme, domain: [lo, hi] },
            legend: o.legend ? { title: o.legendTitle ?? 'Score', orient: 'right' } : null,
          },
          tooltip: [
            { field: 'model', type: 'nominal', title: 'Model' },
            { field: 'benchmark', type: 'nominal', title: 'Benchmark' },
            { field: 'value', type: 'quantitative', title: 'Score' },
          ],
        },
      },
      ...[true, false].map((dark) => ({
        transform: [{ filter: dark ? 'datum.dark' : '!datum.dark' }],
        mark: { type: 'text', fontSize: fs, baseline: 'middle', color: dark ? 'white' : '#222222' },
        encoding: { x, y, text: { field: 'text', type: 'nominal' } },
      })),
    ],
    usermeta: meta,
  };
}
