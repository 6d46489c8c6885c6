import { FONT_FAMILY } from '../../core/charts/theme.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { chartFontFiles } from './chart-fonts.ts';

/**
 * The most pixels a PNG may have: far beyond any printed figure, and below the 2 GiB canvas that
 * resvg can allocate (past it resvg aborts the whole process).
 */
export const MAX_PNG_PIXELS = 400_000_000;

/** The pixel size of an SVG's root element (its width and height attributes), or null. */
function svgSize(svg: string): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  return Number.isFinite(width) && Number.isFinite(height) ? { width, height } : null;
}

/**
 * Rasterises an SVG with resvg at `scale` (2 = twice the SVG's pixel size), using only the chart font.
 * A scale that is not above 0, or a PNG of more than MAX_PNG_PIXELS, is one line (exit 3)
 * instead of an allocation resvg cannot make (which aborts the process).
 */
export async function renderPng(svg: string, scale = 2): Promise<Buffer> {
  if (!(Number.isFinite(scale) && scale > 0))
    throw new UserError(`PNG scale ${scale}: must be a number above 0`, EXIT.invalidInput);
  const size = svgSize(svg);
  if (size) {
    const w = Math.ceil(size.width * scale);
    const h = Math.ceil(size.height * scale);
    if (w * h > MAX_PNG_PIXELS)
      throw new UserError(
        `a PNG of ${w}x${h} pixels is too large (at most ${MAX_PNG_PIXELS / 1e6} million pixels): lower the scale, the width or height, or the length of titles and labels`,
        EXIT.invalidInput,
      );
  }
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
