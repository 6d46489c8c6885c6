import { z } from 'zod';
import { benchmarkLabel } from '../schema/index.ts';
import {
  type ChartInput,
  CommonOptions,
  emptyMeta,
  formatValue,
  orderGroups,
  parseOptions,
  scoreGrid,
  type VlSpec,
} from './chart-input.ts';
import { chooseLegendCorner, legendConfig, legendSize } from './legend-box.ts';
import type { Box } from './place-labels.ts';
import { bandOf, linearScale, niceDomain, stepTicks } from './scales.ts';
import { textWidth } from './text-width.ts';
import { baseConfig, INK, PALETTE } from './theme.ts';
import { round, roundBox, segmentLayer, textLayers, valueEncoding } from './vl-layers.ts';

export const GroupedBarsOptions = CommonOptions.extend({
  /** Hatch the bars: true gives each family its own diagonal; or a pattern per family ("/", "\\", "x"). */
  hatch: z.union([z.boolean(), z.record(z.string(), z.enum(['/', '\\', 'x', 'none']))]).default(false),
  /** Printed under each benchmark name, e.g. "Pass@1". */
  metricLabel: z.string().optional(),
  showValues: z.boolean().default(true),
  condition: z.string().optional(),
});
export type GroupedBarsOptions = z.infer<typeof GroupedBarsOptions>;

/** Lighter shades of a family's colour for its second, third... model. */
function shade(hex: string, t: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * t);
  const [r, g, b] = [mix((n >> 16) & 255), mix((n >> 8) & 255), mix(n & 255)];
  return `#${((1 << 24) + (r << 16) + (g << 8) + b).toString(16).slice(1)}`;
}

/** Diagonal hatch lines clipped to a bar. */
function hatchLines(b: Box, pattern: string, gap = 6): { x: number; y: number; x2: number; y2: number }[] {
  const out: { x: number; y: number; x2: number; y2: number }[] = [];
  if (pattern === 'none') return out;
  const dirs = pattern === 'x' ? ['/', '\\'] : [pattern];
  for (const d of dirs) {
    const sign = d === '/' ? 1 : -1;
    // Lines x + sign*y = c, clipped to the box.
    const cs = [b.x0 + sign * b.y0, b.x1 + sign * b.y0, b.x0 + sign * b.y1, b.x1 + sign * b.y1];
    for (let c = Math.ceil(Math.min(...cs) / gap) * gap; c <= Math.max(...cs); c += gap) {
      const xa = Math.max(b.x0, sign > 0 ? c - b.y1 : c + b.y0);
      const xb = Math.min(b.x1, sign > 0 ? c - b.y0 : c + b.y1);
      if (xb - xa < 1) continue;
      out.push({ x: xa, y: sign * (c - xa), x2: xb, y2: sign * (c - xb) });
    }
  }
  return out;
}

/** Benchmarks along x, one bar per model, values on the bars, error bars when results carry them. */
export function groupedBarsSpec(input: ChartInput, overrides: Record<string, unknown> = {}): VlSpec {
  const { preset } = input;
  const o = parseOptions(GroupedBarsOptions, preset, overrides);
  const meta = emptyMeta('grouped-bars');
  const { views, benchIds, modelIds } = scoreGrid(input, o.condition);
  const card = new Map(views.map((v) => [v.model.id, v.model]));
  const bench = new Map(views.map((v) => [v.benchmark.id, v.benchmark]));
  const family = (m: string) => preset.groups[m] ?? card.get(m)!.family;
  const families = orderGroups(modelIds.map(family));
  const color = new Map<string, string>();
  for (const [fi, f] of families.entries()) {
    const ms = modelIds.filter((m) => family(m) === f);
    const base = o.colors[f] ?? PALETTE[fi % PALETTE.length]!;
    for (const [k, m] of ms.entries())
      color.set(m, o.colors[m] ?? shade(base, ms.length > 1 ? 0.5 * (1 - k / (ms.length - 1)) : 0));
  }
  const hatchOf = (m: string): string => {
    if (o.hatch === false) return 'none';
    if (o.hatch === true) return families.indexOf(family(m)) % 2 === 0 ? '/' : '\\';
    return o.hatch[family(m)] ?? o.hatch[m] ?? 'none';
  };

  const fs = o.fontSize;
  const W = o.width ?? Math.max(560, benchIds.length * modelIds.length * 38);
  const H = o.height ?? 380;
  const rows = views.map((v) => {
    const r = v.result;
    const lo = r.ciLow ?? (r.stderr !== null ? r.value - r.stderr : null);
    const hi = r.ciHigh ?? (r.stderr !== null ? r.value + r.stderr : null);
    return { v, lo, hi };
  });
  const top = Math.max(...rows.map((r) => r.hi ?? r.v.result.value));
  const ny = niceDomain(0, top, 0.1);
  const yDomain: [number, number] = o.yDomain ? [...o.yDomain] : [0, ny.domain[1]];
  // Room above the tallest bar (or whisker) for its value label: widen the top by whole steps.
  const k = fs + 4;
  const need = (top * H - k * yDomain[0]) / (H - k);
  const step = o.yDomain ? 10 : ny.step;
  if (o.showValues && need > yDomain[1]) yDomain[1] = Math.ceil(need / step) * step;
  const y = linearScale(yDomain, [H, 0]);
  const unit = views[0]!.result.unit;

  const decimals = views.some((v) => !Number.isInteger(v.result.value)) ? 1 : 0;
  const bars = rows.map(({ v, lo, hi }) => {
    const group = bandOf(benchIds.indexOf(v.result.benchmark), benchIds.length, W, 0.2, 0.1);
    const bar = bandOf(modelIds.indexOf(v.model.id), modelIds.length, group.width, 0.08, 0);
    const x0 = group.start + bar.start;
    const box: Box = { x0, x1: x0 + bar.width, y0: y(v.result.value), y1: H };
    return { v, lo, hi, box, id: `${v.model.id}|${v.result.benchmark}` };
  });
  const valueText = bars.map((b) => {
    const text = b.v.result.value.toFixed(decimals);
    const cy = (b.hi !== null ? y(b.hi) : b.box.y0) - fs / 2 - 3;
    const w = textWidth(text, fs - 1);
    const cx = (b.box.x0 + b.box.x1) / 2;
    return {
      id: b.id,
      text,
      x: cx,
      y: cy,
      color: INK,
      box: { x0: cx - w / 2, x1: cx + w / 2, y0: cy - fs / 2, y1: cy + fs / 2 },
    };
  });
  if (o.showValues) meta.labels = valueText.map((t) => ({ id: t.id, text: t.text, box: roundBox(t.box) }));
  meta.markers = bars.map((b) => roundBox(b.box));

  const names = modelIds.map((m) => card.get(m)!.name);
  let legendOrient = 'right';
  if (o.legend) {
    const size = legendSize(null, names, fs, 90);
    const spot = chooseLegendCorner(
      size,
      W,
      H,
      [...bars.map((b) => b.box), ...valueText.map((t) => t.box)],
      ['top-right', 'top-left'],
    );
    if (spot) {
      legendOrient = spot.corner;
      meta.obstacles.push(roundBox(spot.box));
      meta.legend = roundBox(spot.box);
    }
  }
  const errors = bars.flatMap((b) => {
    if (b.lo === null || b.hi === null) return [];
    const cx = (b.box.x0 + b.box.x1) / 2;
    const cap = Math.min(4, (b.box.x1 - b.box.x0) / 3);
    const [ylo, yhi] = [y(b.lo), y(b.hi)];
    return [
      { x: cx, y: ylo, x2: cx, y2: yhi },
      { x: cx - cap, y: ylo, x2: cx + cap, y2: ylo },
      { x: cx - cap, y: yhi, x2: cx + cap, y2: yhi },
    ];
  });
  const hatches = bars.flatMap((b) => hatchLines(b.box, hatchOf(b.v.model.id)));
  const labelOf = new Map(benchIds.map((b) => [b, benchmarkLabel(bench.get(b)!)]));
  const metricLine = o.metricLabel ? `, '(${o.metricLabel.replace(/'/g, "\\'")})'` : '';

  const layer: Record<string, unknown>[] = [
    {
      data: { values: benchIds.map((b) => ({ benchmark: labelOf.get(b) })) },
      mark: { type: 'tick', opacity: 0 },
      encoding: {
        x: {
          field: 'benchmark',
          type: 'nominal',
          sort: null,
          scale: { domain: benchIds.map((b) => labelOf.get(b)), paddingInner: 0, paddingOuter: 0 },
          axis: {
            title: o.xTitle ?? null,
            labelAngle: 0,
            ticks: false,
            labelExpr: `[datum.label${metricLine}]`,
          },
        },
      },
    },
    {
      data: {
        values: bars.map((b) => ({
          model: b.v.model.name,
          benchmark: labelOf.get(b.v.result.benchmark),
          value: b.v.result.value,
          score: formatValue(b.v.result.value, unit),
          px: round(b.box.x0),
          px2: round(b.box.x1),
          base: yDomain[0],
        })),
      },
      mark: { type: 'rect', stroke: '#444444', strokeWidth: 0.6 },
      encoding: {
        x: { field: 'px', type: 'quantitative', scale: null, axis: null },
        x2: { field: 'px2' },
        y: valueEncoding(
          yDomain,
          stepTicks(yDomain, step),
          o.yTitle ?? `Score${unit === '%' ? ' (%)' : ''}`,
          true,
        ),
        y2: { field: 'base' },
        color: {
          field: 'model',
          type: 'nominal',
          scale: { domain: names, range: modelIds.map((m) => color.get(m)) },
          legend: o.legend ? { title: o.legendTitle ?? null, ...legendConfig(legendOrient) } : null,
        },
        tooltip: [
          { field: 'model', type: 'nominal', title: 'Model' },
          { field: 'benchmark', type: 'nominal', title: 'Benchmark' },
          { field: 'score', type: 'nominal', title: 'Score' },
        ],
      },
    },
  ];
  if (hatches.length)
    layer.push(segmentLayer(hatches, { color: '#333333', strokeWidth: 0.7, opacity: 0.45 }));
  if (errors.length) layer.push(segmentLayer(errors, { color: INK, strokeWidth: 1.1 }));
  if (o.showValues) layer.push(...textLayers(valueText, fs - 1));

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: o.title ?? preset.title, ...(o.subtitle ? { subtitle: o.subtitle } : {}) },
    description:
      o.description ??
      `Grouped bar chart of ${modelIds.length} models on ${benchIds.length} benchmarks` +
        (errors.length ? ', with error bars.' : '.'),
    width: W,
    height: H,
    config: baseConfig({ font: o.font, fontSize: fs }),
    layer,
    usermeta: meta,
  };
}
