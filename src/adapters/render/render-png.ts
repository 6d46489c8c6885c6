import { FONT_FAMILY } from '../../core/charts/theme.ts';
import { chartFontFiles } from './chart-fonts.ts';

/** Rasterises an SVG with resvg at `scale` (2 = twice the SVG's pixel size), using only the chart font. */
export async function renderPng(svg: string, scale = 2): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: {
      loadSystemFonts: false,
      fontFiles: chartFontFiles(),
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
  return resvg.render().asPng();
}
