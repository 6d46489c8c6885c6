import type { Box, PlacedLabel } from './place-labels.ts';
import { leaderEnd } from './place-labels.ts';
import { MUTED } from './theme.ts';

/** Vega-Lite building blocks in plot pixels (scale: null), shared by the chart kinds. */

const px = (field: string) => ({ field, type: 'quantitative', scale: null, axis: null });

export interface TextItem {
  text: string;
  x: number;
  y: number;
  color: string;
}

/** Text marks at pixel positions (centred, or left-aligned at x); one layer per colour. */
export function textLayers(
  items: TextItem[],
  fontSize: number,
  weight: 'normal' | 'bold' = 'normal',
  align: 'center' | 'left' = 'center',
): Record<string, unknown>[] {
  const colors = [...new Set(items.map((t) => t.color))];
  return colors.map((color) => ({
    data: {
      values: items
        .filter((t) => t.color === color)
        .map((t) => ({ text: t.text, px: round(t.x), py: round(t.y) })),
    },
    mark: { type: 'text', align, baseline: 'middle', fontSize, fontWeight: weight, color },
    encoding: { x: px('px'), y: px('py'), text: { field: 'text', type: 'nominal' } },
  }));
}

/** Dashed horizontal lines across the plot at data values; one layer per line so each keeps its colour. */
export function hRuleLayers(
  lines: { value: number; color: string; label?: string | null }[],
  y: Record<string, unknown> = { field: 'value', type: 'quantitative' },
): Record<string, unknown>[] {
  return lines.map((l) => ({
    data: { values: [{ value: l.value, label: l.label ?? '' }] },
    mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5, color: l.color },
    encoding: { y },
  }));
}

/** Straight segments in pixels (leader lines, separators, hatching). */
export function segmentLayer(
  segments: { x: number; y: number; x2: number; y2: number }[],
  style: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    data: {
      values: segments.map((s) => ({ px: round(s.x), py: round(s.y), px2: round(s.x2), py2: round(s.y2) })),
    },
    mark: { type: 'rule', color: MUTED, strokeWidth: 0.8, ...style },
    encoding: { x: px('px'), y: px('py'), x2: { field: 'px2' }, y2: { field: 'py2' } },
  };
}

/** Leader lines from anchors to the labels placed away from them. */
export function leaderSegments(
  placed: PlacedLabel[],
  anchors: Map<string, { x: number; y: number; r: number }>,
): { x: number; y: number; x2: number; y2: number }[] {
  const out: { x: number; y: number; x2: number; y2: number }[] = [];
  for (const p of placed) {
    const a = anchors.get(p.id);
    if (!p.leader || !a) continue;
    const end = leaderEnd(p.box, a.x, a.y);
    const dx = end.x - a.x;
    const dy = end.y - a.y;
    const len = Math.hypot(dx, dy);
    if (len <= a.r + 2) continue;
    out.push({ x: a.x + (dx / len) * a.r, y: a.y + (dy / len) * a.r, x2: end.x, y2: end.y });
  }
  return out;
}

export function round(v: number): number {
  return Math.round(v * 100) / 100;
}

export function roundBox(b: Box): Box {
  return { x0: round(b.x0), y0: round(b.y0), x1: round(b.x1), y1: round(b.y1) };
}

/** Box of a horizontal line across the plot, as an obstacle for labels. */
export function hLineBox(y: number, width: number, halfThickness = 2): Box {
  return { x0: 0, y0: y - halfThickness, x1: width, y1: y + halfThickness };
}

/** Box of a vertical line, as an obstacle for labels. */
export function vLineBox(x: number, y0: number, y1: number, halfThickness = 2): Box {
  return { x0: x - halfThickness, y0: Math.min(y0, y1), x1: x + halfThickness, y1: Math.max(y0, y1) };
}

/** Box of a marker of radius r at (x, y). */
export function markerBox(x: number, y: number, r: number): Box {
  return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
}

/** The y encoding of a chart's scores: the `value` field on a fixed domain, ticks at `values`. */
export function valueEncoding(domain: [number, number], values: number[], title: string, grid: boolean) {
  return {
    field: 'value',
    type: 'quantitative',
    scale: { domain, nice: false, zero: false },
    axis: { format: '.2~f', values, title, grid },
  };
}
