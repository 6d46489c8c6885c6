import type { VlSpec } from '../../core/charts/chart-input.ts';
import { FONT_FAMILY } from '../../core/charts/theme.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { registerCanvasAlias } from './canvas-alias.ts';
import { chartFontFiles } from './chart-fonts.ts';

interface Engine {
  vega: typeof import('vega');
  vl: typeof import('vega-lite');
}

let engine: Promise<Engine> | null = null;

/** Loads vega with @napi-rs/canvas behind it and the chart font registered, once per process. */
function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    const fonts = chartFontFiles();
    registerCanvasAlias();
    const { GlobalFonts } = await import('@napi-rs/canvas');
    for (const f of fonts) GlobalFonts.registerFromPath(f, FONT_FAMILY);
    const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
    return { vega, vl };
  })();
  return engine;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Compiles a Vega-Lite spec to Vega. */
export async function compileSpec(spec: VlSpec): Promise<Record<string, unknown>> {
  const { vl } = await loadEngine();
  return vl.compile(spec as never).spec as unknown as Record<string, unknown>;
}

/**
 * Renders a Vega-Lite spec to SVG without a browser. The SVG opens with an accessible <title>
 * (the chart title) and <desc> (the spec's description); `id` keeps their ids unique within a page.
 */
export async function renderSvg(spec: VlSpec, id = 'chart'): Promise<string> {
  const { vega, vl } = await loadEngine();
  const rejected = (why: unknown) =>
    new UserError(
      `figure "${id}": Vega rejected it: ${why instanceof Error ? why.message : String(why)}`,
      EXIT.invalidInput,
    );
  let parsed: ReturnType<typeof vega.parse>;
  try {
    parsed = vega.parse(vl.compile(spec as never).spec);
  } catch (err) {
    throw rejected(err);
  }
  // Vega logs what it rejects (an unknown colour scheme, a bad expression) and draws on without it:
  // the first error fails the figure, in one line, instead of a stack trace and a wrong chart.
  const errors: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (_method, level, input) => {
    const text = input.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
    if (level === 'ERROR') errors.push(text);
    else console.warn(`${level} ${text}`);
  });
  const view = new vega.View(parsed, { renderer: 'none', logger });
  try {
    let svg: string;
    try {
      svg = await view.toSVG();
    } catch (err) {
      throw rejected(err);
    }
    if (errors.length) throw rejected(errors[0]);
    const title = (spec.title as { text?: string } | undefined)?.text ?? '';
    const desc = typeof spec.description === 'string' ? spec.description : '';
    const open = svg.indexOf('>') + 1;
    const head = svg
      .slice(0, open)
      .replace('<svg ', `<svg role="img" aria-labelledby="${id}-title ${id}-desc" `);
    return (
      `${head}<title id="${id}-title">${escapeXml(title)}</title>` +
      `<desc id="${id}-desc">${escapeXml(desc)}</desc>${svg.slice(open)}`
    );
  } finally {
    view.finalize();
  }
}
