import { z } from 'zod';
import { CssColor } from './style-values.ts';
import { benchmarkLabel } from '../schema/index.ts';
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
import { legendConfig } from './legend-box.ts';
import { bandOf, linearScale, niceDomain, niceStep, stepTicks } from './scales.ts';
import { baseConfig, PALETTE, SHAPE_CYCLE, shapeOf } from './theme.ts';
import { markerBox, round, roundBox, segmentLayer, valueEncoding } from './vl-layers.ts';

export const DeltaDotsOptions = CommonOptions.extend({
  /** Only deltas of this condition (and baseline), when set. */
  condition: z.string().optional(),
  baseline: z.string().optional(),
  groupOrder: z.array(z.string()).default([]),
  baselineColor: CssColor.default('#2ca02c'),
});
export type DeltaDotsOptions = z.infer<typeof DeltaDotsOptions>;

const POINT_SIZE = 80;

/** Δ per dataset: datasets along x between dashed separators, one colour per model, one shape per group. */
export function deltaDotsSpec(input: ChartInput, overrides: Record<string, unknown> = {}): VlSpec {
  const { preset } = input;
  const o = parseOptions(DeltaDotsOptions, preset, overrides);
  const meta = emptyMeta('delta-dots');
  const views = input.views.filter(
    (v) =>
      v.result.baseline !== null &&
      (!o.condition || v.result.condition === o.condition) &&
      (!o.baseline || v.result.baseline === o.baseline),
  );
  if (!views.length) noData(preset, 'deltas');
  const benchIds = [
    ...preset.benchmarks.filter((b) => views.some((v) => v.result.benchmark === b)),
    ...new Set(views.map((v) => v.result.benchmark).filter((b) => !preset.benchmarks.includes(b))),
  ];
  const benchName = new Map(views.map((v) => [v.benchmark.id, benchmarkLabel(v.benchmark)]));
  const order = preset.models ?? [];
  const modelIds = [...new Set(views.map((v) => v.model.id))].sort(
    (a, b) => (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9) || a.localeCompare(b),
  );
  const card = new Map(views.map((v) => [v.model.id, v.model]));
  const groups = orderGroups(
    modelIds.map((m) => groupOf(preset, card.get(m)!)),
    o.groupOrder,
  );
  const models = groups.flatMap((g) => modelIds.filter((m) => groupOf(preset, card.get(m)!) === g));
  const color = new Map(models.map((m, i) => [m, o.colors[m] ?? PALETTE[i % PALETTE.length]!]));

  const W = o.width ?? Math.max(560, benchIds.length * 90);
  const H = o.height ?? 380;
  // Paired intervals (Δ results measured from runs carry them) widen the axis so every bar fits.
  const values = views.flatMap((v) => [v.result.value, v.result.ciLow ?? 0, v.result.ciHigh ?? 0]);
  const m = Math.max(...values.map(Math.abs), 1);
  const ny = niceDomain(-m, m, 0.05);
  const yDomain = o.yDomain ?? ny.domain;
  const y = linearScale(yDomain, [H, 0]);
  const unit = views[0]!.result.unit;

  // Each model keeps one slot inside every dataset's band, so models read left to right alike.
  const slot = (bi: number, mi: number) => {
    const band = bandOf(bi, benchIds.length, W, 0, 0);
    const inner = band.width * 0.8;
    return band.start + band.width * 0.1 + (inner * (mi + 0.5)) / models.length;
  };
  const rows = views.map((v) => {
    const bi = benchIds.indexOf(v.result.benchmark);
    const mi = models.indexOf(v.model.id);
    return {
      model: v.model.name,
      id: v.model.id,
      group: groupOf(preset, v.model),
      benchmark: benchName.get(v.result.benchmark)!,
      value: v.result.value,
      delta: formatValue(v.result.value, unit, true),
      ...(v.result.ciLow === null || v.result.ciHigh === null
        ? {}
        : {
            ci: `${formatValue(v.result.ciLow, unit, true)} to ${formatValue(v.result.ciHigh, unit, true)}`,
          }),
      px: round(slot(bi, mi)),
    };
  });
  const r = markerRadius(POINT_SIZE);
  meta.markers = rows.map((row) => roundBox(markerBox(row.px, y(row.value), r)));
  const cap = 4;
  const errorBars = views.flatMap((v, i) => {
    const { ciLow, ciHigh } = v.result;
    if (ciLow === null || ciHigh === null) return [];
    const x = rows[i]!.px;
    const [top, bottom] = [y(ciHigh), y(ciLow)];
    return [
      { x, y: top, x2: x, y2: bottom },
      { x: x - cap, y: top, x2: x + cap, y2: top },
      { x: x - cap, y: bottom, x2: x + cap, y2: bottom },
    ];
  });

  const separators = benchIds.slice(1).map((_, i) => {
    const x = bandOf(i + 1, benchIds.length, W, 0, 0).start;
    return { x, y: 0, x2: x, y2: H };
  });
  const tooltip = [
    { field: 'model', type: 'nominal', title: 'Model' },
    { field: 'benchmark', type: 'nominal', title: 'Dataset' },
    { field: 'delta', type: 'nominal', title: 'Δ' },
    ...(views.some((v) => v.result.ciLow !== null)
      ? [{ field: 'ci', type: 'nominal', title: '95% CI' }]
      : []),
  ];
  const yEnc = valueEncoding(
    yDomain,
    stepTicks(yDomain, o.yDomain ? niceStep(yDomain[1] - yDomain[0], 8) : ny.step),
    o.yTitle ?? 'Δ (%)',
    false,
  );
  const groupLayers = groups.map((g, gi) => {
    const ms = models.filter((mm) => groupOf(preset, card.get(mm)!) === g);
    const names = ms.map((mm) => card.get(mm)!.name);
    const shape = shapeOf(o.shapes[g] ?? SHAPE_CYCLE[gi % SHAPE_CYCLE.length]!);
    const legend = o.legend
      ? { title: g, ...legendConfig('right'), fillColor: null, strokeColor: null }
      : null;
    return {
      data: { values: rows.filter((row) => row.group === g) },
      mark: {
        type: 'point',
        filled: true,
        size: POINT_SIZE,
        opacity: 0.95,
        stroke: '#333333',
        strokeWidth: 0.4,
      },
      encoding: {
        x: { field: 'px', type: 'quantitative', scale: null, axis: null },
        y: yEnc,
        color: {
          field: 'model',
          type: 'nominal',
          scale: { domain: names, range: ms.map((mm) => color.get(mm)) },
          legend,
        },
        shape: {
          field: 'model',
          type: 'nominal',
          scale: { domain: names, range: names.map(() => shape) },
          legend,
        },
        tooltip,
      },
    };
  });
  const labels = benchIds.map((b, i) => {
    const band = bandOf(i, benchIds.length, W, 0, 0);
    return { text: benchName.get(b)!, x: band.start + band.width / 2 };
  });
  const axisLayer = {
    data: { values: labels.map((l) => ({ dataset: l.text })) },
    mark: { type: 'tick', opacity: 0 },
    encoding: {
      x: {
        field: 'dataset',
        type: 'nominal',
        sort: null,
        scale: { domain: labels.map((l) => l.text), paddingInner: 0, paddingOuter: 0 },
        axis: { title: o.xTitle ?? 'Dataset', labelAngle: 0, grid: false, ticks: false },
      },
    },
  };

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: o.title ?? preset.title, ...(o.subtitle ? { subtitle: o.subtitle } : {}) },
    description:
      o.description ??
      `Dot plot of the change (Δ) per dataset for ${models.length} models across ${benchIds.length} datasets, ` +
        `with a dashed line at Δ = 0${errorBars.length ? ' and 95% confidence intervals as error bars' : ''}.`,
    width: W,
    height: H,
    config: baseConfig({ font: o.font, fontSize: o.fontSize }),
    layer: [
      axisLayer,
      segmentLayer(separators, { strokeDash: [4, 4], color: '#999999', strokeWidth: 1 }),
      {
        data: { values: [{ value: 0, label: 'Baseline (Δ=0)' }] },
        mark: { type: 'rule', strokeWidth: 1.5, color: o.baselineColor },
        encoding: {
          y: yEnc,
          strokeDash: {
            field: 'label',
            type: 'nominal',
            scale: { domain: ['Baseline (Δ=0)'], range: [[6, 4]] },
            legend: o.legend
              ? {
                  title: null,
                  ...legendConfig('right'),
                  fillColor: null,
                  strokeColor: null,
                  symbolStrokeColor: o.baselineColor,
                }
              : null,
          },
        },
      },
      ...(errorBars.length ? [segmentLayer(errorBars, { color: '#555555', strokeWidth: 1.1 })] : []),
      ...groupLayers,
    ],
    resolve: { scale: { color: 'independent', shape: 'independent' } },
    usermeta: meta,
  };
}
