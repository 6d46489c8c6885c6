/** The look every chart shares: one font, a paper palette, an accent for highlights, marker shapes. */

/** The font family charts are measured and rendered in; the renderer loads the matching files. */
export const FONT_FAMILY = 'Arimo';

/**
 * The font-family charts name: Arimo first (what they are measured and rendered with), then its
 * metric-compatible twins, so an SVG opened in a browser without Arimo keeps its layout.
 */
export const FONT_STACK = `${FONT_FAMILY}, Liberation Sans, Arial, Helvetica, sans-serif`;

/** Colour-blind-friendly categorical colours, blue first; orange is kept for the accent. */
export const PALETTE = [
  '#4c72b0',
  '#55a868',
  '#8172b3',
  '#c44e52',
  '#937860',
  '#64b5cd',
  '#da8bc3',
  '#ccb974',
  '#8c8c8c',
  '#2f4b7c',
] as const;

/**
 * Twenty distinguishable colours for figures that colour each model on its own: the ten Tableau
 * colours, then ten picked one by one from Tableau 20 and Kelly's colours to lie farthest (CIE76) from
 * those already chosen. No two are closer than 26 in CIE Lab, so up to 20 models never look alike.
 */
export const PALETTE_20 = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#ffbe7d',
  '#222222',
  '#fabfd2',
  '#008856',
  '#98df8a',
  '#aec7e8',
  '#b3446c',
  '#dbdb8d',
  '#882d17',
  '#b07aa1',
] as const;

export const ACCENT = '#e8590c';
export const INK = '#222222';
export const MUTED = '#666666';
export const GRID = '#e6e6e6';

/** Marker shapes as Vega symbol names or unit-square SVG paths (Vega has no star or pentagon). */
export const SHAPES = {
  circle: 'circle',
  square: 'square',
  diamond: 'diamond',
  triangle: 'triangle-up',
  triangleDown: 'triangle-down',
  cross: 'cross',
  star: 'M0,-1L0.2245,-0.309L0.9511,-0.309L0.3633,0.118L0.5878,0.809L0,0.382L-0.5878,0.809L-0.3633,0.118L-0.9511,-0.309L-0.2245,-0.309Z',
  pentagon: 'M0,-1L0.9511,-0.309L0.5878,0.809L-0.5878,0.809L-0.9511,-0.309Z',
} as const;

/** Shapes handed out to groups in order. */
export const SHAPE_CYCLE: string[] = [
  SHAPES.circle,
  SHAPES.pentagon,
  SHAPES.diamond,
  SHAPES.square,
  SHAPES.triangle,
  SHAPES.triangleDown,
  SHAPES.cross,
];

/** Resolves a shape name from options ("star", "pentagon", "circle") to what Vega draws. */
export function shapeOf(name: string): string {
  return (SHAPES as Record<string, string>)[name] ?? name;
}

export interface FontOptions {
  font: string;
  fontSize: number;
}

/** Vega-Lite config shared by all charts: font sizes scale with `fontSize` (the label size). */
export function baseConfig({ font, fontSize }: FontOptions): Record<string, unknown> {
  return {
    font,
    background: 'white',
    padding: 8,
    view: { stroke: '#bbbbbb' },
    title: { fontSize: fontSize + 4, fontWeight: 'bold', color: INK, offset: 10 },
    axis: {
      labelFontSize: fontSize,
      titleFontSize: fontSize + 1,
      titleFontWeight: 'normal',
      titleColor: INK,
      labelColor: INK,
      gridColor: GRID,
      domainColor: '#888888',
      tickColor: '#888888',
      titlePadding: 8,
    },
    legend: {
      labelFontSize: fontSize,
      titleFontSize: fontSize,
      titleColor: INK,
      labelColor: INK,
      symbolSize: 90,
    },
    text: { font, fontSize },
  };
}
