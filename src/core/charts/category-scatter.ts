import { z } from 'zod';
import { CssColor } from './style-values.ts';
import { formatParams } from '../format/format-params.ts';
import { benchmarkLabel, paramsOf } from '../schema/index.ts';
import {
  type ChartInput,
  CommonOptions,
  emptyMeta,
  formatValue,
  markerRadius,
  noData,
  orderGroups,
  parseOptions,
  type VlSpec,
} from './chart-input.ts';
import { chooseLegendCorner, legendConfig, legendSize } from './legend-box.ts';
import { type Box, placeLabels } from './place-labels.ts';
import { bandOf, linearScale, niceDomain, niceStep, stepTicks } from './scales.ts';
import { textWidth } from './text-width.ts';
import { baseConfig, INK, PALETTE, SHAPES, shapeOf } from './theme.ts';
import {
  hLineBox,
  hRuleLayers,
  leaderSegments,
  markerBox,
  round,
  roundBox,
  segmentLayer,
  textLayers,
  valueEncoding,
} from './vl-layers.ts';

export const CategoryScatterOptions = CommonOptions.extend({
  benchmark: z.string().optional(),
  sizeAxis: z.enum(['total', 'active']).default('total'),
  /** Size label per model where the card's count is not what the figure prints (e.g. "47B"). */
  sizeLabels: z.record(z.string(), z.string().min(1)).default({}),
  /** Models drawn as named horizontal baselines instead of points. */
  references: z.array(z.string()).default([]),
  /** [from, to] model pairs at the same size, joined by an arrow. */
  pairs: z.array(z.tuple([z.string(), z.string()])).default([]),
  /** Training method drawn with the accent marker (e.g. "Step-DPO"). */
  highlightMethod: z.string().optional(),
  accent: CssColor.default('#d62728'),
  groupOrder: z.array(z.string()).default([]),
});
export type CategoryScatterOptions = z.infer<typeof CategoryScatterOptions>;

const POINT_SIZE = 80;
const REF_COLORS = ['#2e7d32', '#1f4e9c', '#7b3294', '#8c510a', '#4d4d4d'];

/** Score by size category, named dashed baselines at the left edge, method pairs joined by arrows. */
export function categoryScatterSpec(input: ChartInput, overrides: Record<string, unknown> = {}): VlSpec {
  const { preset } = input;
  const o = parseOptions(CategoryScatterOptions, preset, overrides);
  const benchmark = o.benchmark ?? preset.benchmarks[0]!;
  const meta = emptyMeta('category-scatter');
  const views = input.views.filter((v) => v.result.benchmark === benchmark && v.result.baseline === null);
  const refViews = o.references.map((id) => {
    const v = views.find((x) => x.model.id === id);
    if (!v) noData(preset, `result for reference model "${id}"`);
    return v;
  });
  const rows = views
    .filter((v) => !o.references.includes(v.model.id))
    .flatMap((v) => {
      const size = paramsOf(v.model, o.sizeAxis);
      const label = o.sizeLabels[v.model.id] ?? (size === null ? null : formatParams(size));
      if (label === null) {
        meta.skipped.push(`${v.model.id}: ${o.sizeAxis} parameter count unknown`);
        return [];
      }
      const accent = !!o.highlightMethod && v.model.trainingMethod === o.highlightMethod;
      const series =
        preset.groups[v.model.id] ??
        (accent ? o.highlightMethod! : [v.model.family, v.model.trainingMethod].filter(Boolean).join(' '));
      return [{ v, size: size ?? Number.parseFloat(label), category: label, accent, series }];
    });
  if (!rows.length) noData(preset, `results for ${benchmark}`);
  const categories = [...new Set(rows.map((r) => r.category))].sort(
    (a, b) =>
      Math.min(...rows.filter((r) => r.category === a).map((r) => r.size)) -
      Math.min(...rows.filter((r) => r.category === b).map((r) => r.size)),
  );
  const series = orderGroups(
    rows.map((r) => r.series),
    o.highlightMethod ? [o.highlightMethod, ...o.groupOrder] : o.groupOrder,
  );
  let ci = 0;
  const color = new Map(
    series.map((s) => [
      s,
      o.colors[s] ?? (s === o.highlightMethod ? o.accent : PALETTE[ci++ % PALETTE.length]!),
    ]),
  );
  const shape = new Map(
    series.map((s) => [s, shapeOf(o.shapes[s] ?? (s === o.highlightMethod ? 'triangle' : 'circle'))]),
  );

  const W = o.width ?? Math.max(600, categories.length * 110);
  const H = o.height ?? 420;
  const fs = o.fontSize;
  const values = [...rows.map((r) => r.v.result.value), ...refViews.map((v) => v.result.value)];
  const ny = niceDomain(Math.min(...values), Math.max(...values));
  const yDomain = o.yDomain ?? ny.domain;
  const y = linearScale(yDomain, [H, 0]);
  const xOf = (cat: string) => {
    const b = bandOf(categories.indexOf(cat), categories.length, W, 0, 0);
    return b.start + b.width / 2;
  };
  const unit = views[0]!.result.unit;
  const benchName = benchmarkLabel(views[0]!.benchmark);

  const id = (r: (typeof rows)[number]) => `${r.v.model.id}|${r.v.result.condition}`;
  const anchors = new Map(
    rows.map((r) => [id(r), { x: xOf(r.category), y: y(r.v.result.value), r: markerRadius(POINT_SIZE) }]),
  );
  const obstacles: Box[] = [];
  const refs = refViews.map((v, i) => {
    const ly = y(v.result.value);
    const cy = ly - fs / 2 - 3;
    const w = textWidth(v.model.name, fs, 'bold');
    obstacles.push(hLineBox(ly, W));
    const box = { x0: 2, y0: cy - fs / 2, x1: 6 + w, y1: cy + fs / 2 };
    obstacles.push(box);
    const c = o.colors[v.model.id] ?? REF_COLORS[i % REF_COLORS.length]!;
    return { id: v.model.id, value: v.result.value, text: v.model.name, x: 4, y: cy, color: c, box };
  });
  // Pairs: the default-condition result of each model, joined from -> to.
  const byModel = (m: string) =>
    rows.find((r) => r.v.model.id === m && r.v.result.condition === 'default') ??
    rows.find((r) => r.v.model.id === m);
  const arrows = o.pairs.flatMap(([from, to]) => {
    const a = byModel(from);
    const b = byModel(to);
    if (!a || !b) return [];
    const p = anchors.get(id(a))!;
    const q = anchors.get(id(b))!;
    const len = Math.hypot(q.x - p.x, q.y - p.y);
    if (len < p.r + q.r + 4) return [];
    const ux = (q.x - p.x) / len;
    const uy = (q.y - p.y) / len;
    const start = { x: p.x + ux * (p.r + 1), y: p.y + uy * (p.r + 1) };
    const end = { x: q.x - ux * (q.r + 2), y: q.y - uy * (q.r + 2) };
    obstacles.push({
      x0: Math.min(start.x, end.x) - 3,
      x1: Math.max(start.x, end.x) + 3,
      y0: Math.min(start.y, end.y),
      y1: Math.max(start.y, end.y),
    });
    const head = (sx: number) => ({
      x: end.x - ux * 6 + sx * uy * 4,
      y: end.y - uy * 6 - sx * ux * 4,
      x2: end.x,
      y2: end.y,
    });
    return [{ x: start.x, y: start.y, x2: end.x, y2: end.y }, head(1), head(-1)];
  });
  const markers = [...anchors.values()].map((a) => markerBox(a.x, a.y, a.r));
  let legendOrient = 'right';
  if (o.legend && series.length > 1) {
    const size = legendSize(o.legendTitle ?? null, series, fs, 90);
    const spot = chooseLegendCorner(
      size,
      W,
      H,
      [...markers, ...obstacles],
      ['bottom-right', 'bottom-left', 'top-left', 'top-right'],
    );
    if (spot) {
      legendOrient = spot.corner;
      obstacles.push(spot.box);
      meta.legend = roundBox(spot.box);
    }
  }
  const text = (r: (typeof rows)[number]) => r.v.model.name + (r.v.result.annotation ?? '');
  const placed = placeLabels({
    labels: rows.map((r) => ({
      id: id(r),
      width: textWidth(text(r), fs) + 2,
      height: fs + 2,
      ...anchors.get(id(r))!,
    })),
    points: [...anchors.values()],
    obstacles,
    bounds: { x0: 0, y0: 0, x1: W, y1: H },
  });
  meta.labels = [
    ...placed.map((p, i) => ({ id: p.id, text: text(rows[i]!), box: roundBox(p.box) })),
    ...refs.map((r) => ({ id: `ref:${r.id}`, text: r.text, box: roundBox(r.box) })),
  ];
  meta.markers = markers.map(roundBox);
  meta.obstacles = obstacles.map(roundBox);
  meta.crowded = placed.filter((p) => !p.ok).map((p) => p.id);

  const yEnc = valueEncoding(
    yDomain,
    stepTicks(yDomain, o.yDomain ? niceStep(yDomain[1] - yDomain[0], 12) : ny.step),
    o.yTitle ?? `${benchName} (%)`,
    true,
  );
  const layer: Record<string, unknown>[] = [
    {
      data: { values: categories.map((c) => ({ size: c })) },
      mark: { type: 'tick', opacity: 0 },
      encoding: {
        x: {
          field: 'size',
          type: 'nominal',
          sort: null,
          scale: { domain: categories, paddingInner: 0, paddingOuter: 0 },
          axis: { title: o.xTitle ?? 'Model size', labelAngle: 0, grid: false },
        },
      },
    },
    ...hRuleLayers(
      refs.map((r) => ({ value: r.value, color: r.color, label: r.text })),
      yEnc,
    ),
  ];
  if (arrows.length) layer.push(segmentLayer(arrows, { color: '#555555', strokeWidth: 1.2 }));
  layer.push({
    data: {
      values: rows.map((r) => ({
        model: text(r),
        series: r.series,
        size: r.category,
        value: r.v.result.value,
        score: formatValue(r.v.result.value, unit),
        px: round(anchors.get(id(r))!.x),
      })),
    },
    mark: { type: 'point', filled: true, size: POINT_SIZE, opacity: 1, stroke: '#333333', strokeWidth: 0.4 },
    encoding: {
      x: { field: 'px', type: 'quantitative', scale: null, axis: null },
      y: yEnc,
      color: {
        field: 'series',
        type: 'nominal',
        scale: { domain: series, range: series.map((s) => color.get(s)) },
        legend:
          o.legend && series.length > 1
            ? { title: o.legendTitle ?? null, ...legendConfig(legendOrient) }
            : null,
      },
      shape: {
        field: 'series',
        type: 'nominal',
        scale: { domain: series, range: series.map((s) => shape.get(s) ?? SHAPES.circle) },
        legend:
          o.legend && series.length > 1
            ? { title: o.legendTitle ?? null, ...legendConfig(legendOrient) }
            : null,
      },
      tooltip: [
        { field: 'model', type: 'nominal', title: 'Model' },
        { field: 'size', type: 'nominal', title: 'Size' },
        { field: 'score', type: 'nominal', title: benchName },
      ],
    },
  });
  const leaders = leaderSegments(placed, anchors);
  if (leaders.length) layer.push(segmentLayer(leaders));
  layer.push(
    ...textLayers(
      placed.map((p, i) => ({ text: text(rows[i]!), x: p.x, y: p.y, color: INK })),
      fs,
    ),
  );
  layer.push(...textLayers(refs, fs, 'bold', 'left'));

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: o.title ?? preset.title, ...(o.subtitle ? { subtitle: o.subtitle } : {}) },
    description:
      o.description ??
      `Scatter plot of ${benchName} score by model size category for ${rows.length} results` +
        (refs.length ? `, with baselines for ${refs.map((r) => r.text).join(', ')}.` : '.'),
    width: W,
    height: H,
    config: baseConfig({ font: o.font, fontSize: fs }),
    layer,
    usermeta: meta,
  };
}
