import { z } from 'zod';
import { CssColor } from './style-values.ts';
import { formatParams } from '../format/format-params.ts';
import { benchmarkLabel, paramsOf } from '../schema/index.ts';
import {
  type ChartInput,
  CommonOptions,
  emptyMeta,
  formatValue,
  groupOf,
  markerRadius,
  noData,
  orderGroups,
  parseOptions,
  type VlSpec,
} from './chart-input.ts';
import { chooseLegendCorner, legendConfig, legendSize } from './legend-box.ts';
import { type Box, placeLabels } from './place-labels.ts';
import { linearScale, logDomain, logScale, logTicks, niceDomain, niceStep, stepTicks } from './scales.ts';
import { textWidth } from './text-width.ts';
import { ACCENT, baseConfig, INK, PALETTE, SHAPE_CYCLE, SHAPES, shapeOf } from './theme.ts';
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

/** A horizontal reference: a model id (its score in this figure) or an explicit label and value. */
export const Reference = z.union([
  z.string().min(1),
  z.object({ label: z.string().min(1), value: z.number(), color: CssColor.optional() }),
]);

export const SizeScatterOptions = CommonOptions.extend({
  benchmark: z.string().optional(),
  sizeAxis: z.enum(['total', 'active']).default('total'),
  highlight: z.string().nullable().optional(),
  /** Draw the dashed line at the highlighted model's score. */
  highlightLine: z.boolean().default(true),
  accent: CssColor.default(ACCENT),
  showValues: z.boolean().default(false),
  groupOrder: z.array(z.string()).default([]),
  references: z.array(Reference).default([]),
});
export type SizeScatterOptions = z.infer<typeof SizeScatterOptions>;

const POINT_SIZE = 70;
const STAR_SIZE = 340;

interface Row {
  id: string;
  model: string;
  name: string;
  group: string;
  size: number;
  value: number;
  label: string;
}

/** Score against model size on a log axis, labelled points, a starred highlight with its line. */
export function sizeScatterSpec(input: ChartInput, overrides: Record<string, unknown> = {}): VlSpec {
  const { preset } = input;
  const o = parseOptions(SizeScatterOptions, preset, overrides);
  const benchmark = o.benchmark ?? preset.benchmarks[0]!;
  const meta = emptyMeta('size-scatter');
  const rows: Row[] = [];
  let unit = '%';
  let benchName = benchmark;
  let metric = '';
  for (const v of input.views) {
    if (v.result.benchmark !== benchmark || v.result.baseline !== null) continue;
    const size = paramsOf(v.model, o.sizeAxis);
    if (size === null) {
      meta.skipped.push(`${v.model.id}: ${o.sizeAxis} parameter count unknown`);
      continue;
    }
    unit = v.result.unit;
    benchName = benchmarkLabel(v.benchmark);
    metric = v.result.metric;
    const name = v.model.name + (v.result.annotation ?? '');
    rows.push({
      id: `${v.model.id}|${v.result.condition}`,
      model: v.model.id,
      name,
      group: groupOf(preset, v.model),
      size,
      value: v.result.value,
      label: o.showValues ? `${name} (${formatValue(v.result.value, unit)})` : name,
    });
  }
  if (!rows.length) noData(preset, `results for ${benchmark} with a known size`);
  const highlight = o.highlight ? rows.find((r) => r.model === o.highlight) : undefined;

  const sizes = rows.map((r) => r.size);
  const xDomain = logDomain(Math.min(...sizes), Math.max(...sizes));
  const refs = o.references.map((r, i) => {
    if (typeof r !== 'string') return { label: r.label, value: r.value, color: r.color ?? PALETTE[i % 10]! };
    const row = rows.find((x) => x.model === r);
    const view = input.views.find((v) => v.model.id === r && v.result.benchmark === benchmark);
    const value = row?.value ?? view?.result.value;
    if (value === undefined) noData(preset, `result for reference model "${r}"`);
    return { label: row?.name ?? view!.model.name, value, color: PALETTE[i % 10]! };
  });
  const values = [...rows.map((r) => r.value), ...refs.map((r) => r.value)];
  const ny = niceDomain(Math.min(...values), Math.max(...values));
  const yDomain = o.yDomain ?? ny.domain;

  // Groups, colours and shapes. The highlight's group gets the star when only it is in that group.
  const hlOwnGroup = highlight && rows.filter((r) => r.group === highlight.group).length === 1;
  const groups = orderGroups(
    rows.map((r) => r.group),
    o.groupOrder,
  );
  let ci = 0;
  let si = 0;
  const color = new Map<string, string>();
  const shape = new Map<string, string>();
  for (const g of groups) {
    const own = hlOwnGroup && g === highlight?.group;
    color.set(g, o.colors[g] ?? (own ? o.accent : PALETTE[ci++ % PALETTE.length]!));
    shape.set(
      g,
      shapeOf(o.shapes[g] ?? (own ? 'star' : (SHAPE_CYCLE[si++ % SHAPE_CYCLE.length] ?? 'circle'))),
    );
  }
  if (groups.length > 1 && !Object.keys(o.shapes).length) {
    // Colour alone separates groups well; shapes only vary when the caller asks for them.
    for (const g of groups) if (!(hlOwnGroup && g === highlight?.group)) shape.set(g, SHAPES.circle);
  }

  const fs = o.fontSize;
  const legendTitle = o.legendTitle ?? 'Model Category';
  const showLegend = o.legend && groups.length > 0 && !(groups.length === 1 && !o.legendTitle);

  const lines: { label: string | null; value: number; color: string }[] = [
    ...(highlight && o.highlightLine ? [{ label: null, value: highlight.value, color: o.accent }] : []),
    ...refs,
  ];

  /** Scales, obstacles, legend spot and label placement for a plot of W x H pixels. */
  const layout = (W: number, H: number) => {
    const x = logScale(xDomain, [0, W]);
    const y = linearScale(yDomain, [H, 0]);
    const xTicks = logTicks(xDomain, W, sizes, highlight ? [highlight.size] : []);
    // Markers, lines and the legend: everything labels must avoid.
    const anchors = new Map<string, { x: number; y: number; r: number }>();
    for (const r of rows) {
      const isHl = r === highlight;
      anchors.set(r.id, { x: x(r.size), y: y(r.value), r: markerRadius(isHl ? STAR_SIZE : POINT_SIZE) });
    }
    const obstacles: Box[] = lines.map((l) => hLineBox(y(l.value), W));
    const refText = refs.map((r) => {
      const w = textWidth(r.label, fs);
      const cy = y(r.value) - fs / 2 - 3;
      return {
        text: r.label,
        x: 4,
        y: cy,
        color: r.color,
        box: { x0: 2, y0: cy - fs / 2, x1: 6 + w, y1: cy + fs / 2 },
      };
    });
    obstacles.push(...refText.map((t) => t.box));
    const markers = [...anchors.values()].map((a) => markerBox(a.x, a.y, a.r));
    let legendOrient = 'right';
    let legendBox: Box | null = null;
    if (showLegend) {
      const size = legendSize(legendTitle, groups, fs, 110);
      const spot = chooseLegendCorner(size, W, H, [...markers, ...obstacles]);
      if (spot) {
        legendOrient = spot.corner;
        obstacles.push(spot.box);
        legendBox = spot.box;
      }
    }

    const placed = placeLabels({
      labels: rows.map((r) => ({
        id: r.id,
        width: textWidth(r.label, fs, r === highlight ? 'bold' : 'normal') + 2,
        height: fs + 2,
        ...anchors.get(r.id)!,
        priority: r === highlight ? 1 : 0,
      })),
      points: [...anchors.values()],
      obstacles,
      bounds: { x0: 0, y0: 0, x1: W, y1: H },
    });
    return { W, H, x, y, xTicks, anchors, obstacles, refText, markers, legendOrient, legendBox, placed };
  };

  // Without a given size, the plot starts large enough for its labels (about a third of the area)
  // and grows until nearly every label has a free spot.
  const labelArea = rows.reduce((a, r) => a + (textWidth(r.label, fs) + 8) * (fs + 6), 0) * 3;
  let grow = Math.min(6, Math.max(1, Math.sqrt(labelArea / (600 * 400))));
  let lay = layout(o.width ?? Math.round(600 * grow), o.height ?? Math.round(400 * grow));
  while (!o.width && !o.height && grow < 6 && lay.placed.filter((p) => !p.ok).length > rows.length / 100) {
    grow = Math.min(6, grow * 1.25);
    lay = layout(Math.round(600 * grow), Math.round(400 * grow));
  }
  const { W, H, xTicks, anchors, obstacles, refText, markers, legendOrient, legendBox, placed } = lay;
  meta.legend = legendBox ? roundBox(legendBox) : null;
  meta.labels = placed.map((p, i) => ({ id: p.id, text: rows[i]!.label, box: roundBox(p.box) }));
  meta.labels.push(...refText.map((t) => ({ id: `ref:${t.text}`, text: t.text, box: roundBox(t.box) })));
  meta.markers = markers.map(roundBox);
  meta.obstacles = obstacles.map(roundBox);
  meta.crowded = placed.filter((p) => !p.ok).map((p) => p.id);

  const items = placed.map((p, i) => ({ text: rows[i]!.label, x: p.x, y: p.y, color: INK }));
  const hlIndex = highlight ? rows.indexOf(highlight) : -1;
  const tickLabel = xTicks.map((t) => `datum.value === ${t} ? '${formatParams(t)}'`).join(' : ');
  const axisName = o.sizeAxis === 'total' ? 'Total parameters' : 'Activated parameters';
  const pointData = rows
    .filter((r) => r !== highlight)
    .map((r) => ({
      model: r.name,
      group: r.group,
      size: r.size,
      value: r.value,
      params: formatParams(r.size),
    }));
  const tooltip = [
    { field: 'model', type: 'nominal', title: 'Model' },
    { field: 'params', type: 'nominal', title: axisName },
    { field: 'value', type: 'quantitative', title: benchName },
  ];
  const xEnc = {
    field: 'size',
    type: 'quantitative',
    scale: { type: 'log', domain: xDomain.map(round), nice: false },
    axis: { values: xTicks, labelExpr: `${tickLabel} : ''`, title: o.xTitle ?? axisName, grid: true },
  };
  const yEnc = valueEncoding(
    yDomain,
    stepTicks(yDomain, o.yDomain ? niceStep(yDomain[1] - yDomain[0], 8) : ny.step),
    o.yTitle ?? `${benchName} ${metric}${unit === '%' ? ' (%)' : ''}`,
    true,
  );
  const legend = showLegend ? { title: legendTitle, ...legendConfig(legendOrient), symbolSize: 110 } : null;
  const layer: Record<string, unknown>[] = [
    {
      data: { values: pointData },
      mark: { type: 'point', filled: true, size: POINT_SIZE, opacity: 1, stroke: 'white', strokeWidth: 0.6 },
      encoding: {
        x: xEnc,
        y: yEnc,
        color: {
          field: 'group',
          type: 'nominal',
          scale: { domain: groups, range: groups.map((g) => color.get(g)) },
          legend,
        },
        shape: {
          field: 'group',
          type: 'nominal',
          scale: { domain: groups, range: groups.map((g) => shape.get(g)) },
          legend,
        },
        tooltip,
      },
    },
  ];
  layer.unshift(
    ...hRuleLayers(
      lines.map((l) => ({ ...l, label: l.label ?? highlight?.name })),
      yEnc,
    ),
  );
  if (highlight)
    layer.push({
      data: {
        values: [
          {
            model: highlight.name,
            group: highlight.group,
            size: highlight.size,
            value: highlight.value,
            params: formatParams(highlight.size),
          },
        ],
      },
      mark: {
        type: 'point',
        filled: true,
        size: STAR_SIZE,
        opacity: 1,
        shape: SHAPES.star,
        color: o.accent,
        stroke: '#7a2e00',
        strokeWidth: 0.8,
      },
      encoding: {
        x: { field: 'size', type: 'quantitative' },
        y: { field: 'value', type: 'quantitative' },
        tooltip,
      },
    });
  const leaders = leaderSegments(placed, anchors);
  if (leaders.length) layer.push(segmentLayer(leaders));
  layer.push(
    ...textLayers(
      items.filter((_, i) => i !== hlIndex),
      fs,
    ),
  );
  if (hlIndex >= 0) layer.push(...textLayers([{ ...items[hlIndex]!, color: '#b03a00' }], fs, 'bold'));
  layer.push(...textLayers(refText, fs, 'normal', 'left'));

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: o.title ?? preset.title, ...(o.subtitle ? { subtitle: o.subtitle } : {}) },
    description:
      o.description ??
      `Scatter plot of ${benchName} score against ${axisName.toLowerCase()} (log scale) for ${rows.length} models` +
        (highlight ? `; ${highlight.name} is highlighted at ${formatValue(highlight.value, unit)}.` : '.'),
    width: W,
    height: H,
    config: baseConfig({ font: o.font, fontSize: fs }),
    layer,
    usermeta: meta,
  };
}
