/**
 * Text widths for the chart font (Arimo, metric-compatible with Liberation Sans and Arial), without a canvas:
 * advance widths in thousandths of an em, read from the font once (see the test that checks them
 * against @napi-rs/canvas). Label placement uses these to build collision boxes.
 */
const CHARS =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~†‡Δ×±–—·…→←°µé';
const REGULAR =
  '278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584,556,556,668,584,549,556,1000,278,1000,1000,1000,400,576,556';
const BOLD =
  '278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584,556,556,719,584,549,556,1000,278,1000,1000,1000,400,576,556';

function table(widths: string): Map<string, number> {
  const w = widths.split(',').map(Number);
  return new Map([...CHARS].map((c, i) => [c, w[i] ?? 556]));
}

const regular = table(REGULAR);
const bold = table(BOLD);
/** Width of a character the table does not know: a wide one, so boxes err on the large side. */
const UNKNOWN = 667;

/** Width in pixels of `text` set in the chart font at `fontSize` px. */
export function textWidth(text: string, fontSize: number, weight: 'normal' | 'bold' = 'normal'): number {
  const t = weight === 'bold' ? bold : regular;
  let units = 0;
  for (const ch of text) units += t.get(ch) ?? UNKNOWN;
  return (units * fontSize) / 1000;
}
