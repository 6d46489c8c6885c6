import { type Box, boxesOverlap } from './place-labels.ts';
import { textWidth } from './text-width.ts';

export type LegendCorner = 'bottom-right' | 'top-left' | 'bottom-left' | 'top-right';

export const LEGEND_PADDING = 6;
export const LEGEND_OFFSET = 8;
const ROW_PADDING = 3;
const TITLE_PADDING = 4;

/** The legend's size in pixels, slightly over-estimated, for the layout it is given by `legendConfig`. */
export function legendSize(
  title: string | null,
  entries: string[],
  fontSize: number,
  symbolSize: number,
): { width: number; height: number } {
  const symbol = Math.sqrt(symbolSize);
  const row = Math.max(fontSize, symbol) + ROW_PADDING + 5;
  const labels = Math.max(0, ...entries.map((e) => textWidth(e, fontSize)));
  const titleW = title ? textWidth(title, fontSize, 'bold') : 0;
  const width = Math.max(titleW, symbol + 8 + labels) + LEGEND_PADDING * 2 + 6;
  const height = (title ? fontSize + TITLE_PADDING : 0) + entries.length * row + LEGEND_PADDING * 2 + 4;
  return { width, height };
}

/** Vega-Lite legend properties matching `legendSize`. */
export function legendConfig(orient: string): Record<string, unknown> {
  return {
    orient,
    padding: LEGEND_PADDING,
    offset: LEGEND_OFFSET,
    rowPadding: ROW_PADDING,
    titlePadding: TITLE_PADDING,
    fillColor: 'white',
    strokeColor: '#cccccc',
    cornerRadius: 2,
  };
}

export function cornerBox(
  corner: LegendCorner,
  size: { width: number; height: number },
  w: number,
  h: number,
): Box {
  const right = corner.endsWith('right');
  const bottom = corner.startsWith('bottom');
  const x0 = right ? w - LEGEND_OFFSET - size.width : LEGEND_OFFSET;
  const y0 = bottom ? h - LEGEND_OFFSET - size.height : LEGEND_OFFSET;
  return { x0, y0, x1: x0 + size.width, y1: y0 + size.height };
}

/**
 * The first corner of the plot (in `prefer` order) where a legend of `size` covers none of `avoid`;
 * null when every corner is taken and the legend belongs outside the plot.
 */
export function chooseLegendCorner(
  size: { width: number; height: number },
  w: number,
  h: number,
  avoid: Box[],
  prefer: LegendCorner[] = ['bottom-right', 'top-left', 'bottom-left', 'top-right'],
): { corner: LegendCorner; box: Box } | null {
  for (const corner of prefer) {
    const box = cornerBox(corner, size, w, h);
    if (box.x0 < 0 || box.y0 < 0) continue;
    if (!avoid.some((b) => boxesOverlap(b, box))) return { corner, box };
  }
  return null;
}
