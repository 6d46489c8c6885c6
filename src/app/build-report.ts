import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { redactKnown, redactKnownValue } from '../adapters/providers/redact.ts';
import { renderPng } from '../adapters/render/render-png.ts';
import { renderSvg } from '../adapters/render/render-svg.ts';
import type { Store } from '../adapters/store/store.ts';
import type { ChartInput, VlSpec } from '../core/charts/chart-input.ts';
import { chartSpec } from '../core/charts/chart-spec.ts';
import { describeFigure } from '../core/describe/describe-figure.ts';
import { type FigureDescription, renderDescriptionPlain } from '../core/describe/figure-description.ts';
import { EXIT, UserError } from '../core/errors/user-error.ts';
import type { Finding } from '../core/analysis/finding.ts';
import { leaderboard } from '../core/report/leaderboard.ts';
import { measuredFigureInputs } from '../core/report/measured-figures.ts';
import { measuredResults } from './evidence/measured-results.ts';
import { figureFindings } from './queries/figure-findings.ts';
import { loadFigureInputs } from './queries/figure-inputs.ts';
import { type MeasuredBlocks, type ReportScripts, type ReportSection, reportHtml } from './report-html.ts';
import { leaderboardHtml, provenanceHtml } from './report-runs-html.ts';

/**
 * How a figure is described: its caption in the report and its SVG's accessible description.
 * The default is `describeFigure`, whose every number is computed from the results drawn.
 */
export type CaptionFn = (
  figure: ChartInput,
  findings?: readonly Finding[],
) => FigureDescription | Promise<FigureDescription>;

/** The description `yardstick describe` writes, with the findings of the query layer. */
export const defaultCaption: CaptionFn = ({ preset, views }, findings) =>
  describeFigure(preset, views, findings);

export interface ReportOptions {
  outDir: string;
  /** Figure ids to include; all stored figures when empty. */
  figures?: string[];
  caption?: CaptionFn;
  title?: string;
  /** PNG scale (2 = twice the SVG's size). */
  scale?: number;
  /** Include measured results (leaderboard, a figure per benchmark, provenance); default true. */
  runs?: boolean;
  /** Runs to show instead of the latest finished one of their model, benchmark and condition. */
  chosenRuns?: string[];
  /** The report's date (default now). */
  date?: Date;
}

export interface ReportFigure {
  id: string;
  title: string;
  svgFile: string;
  pngFile: string;
  specFile: string;
  /** Labels that found no free position (normally none). */
  crowded: string[];
  /** Why the figure could not be drawn (its options were refused, or it has nothing to draw); null when it was drawn. */
  error: string | null;
}

export interface ReportSummary {
  index: string;
  figures: ReportFigure[];
  /** Measured scores in the leaderboard. */
  measured: number;
}

function toolVersion(): Promise<string> {
  return readFile(new URL('../../package.json', import.meta.url), 'utf8').then(
    (t) => (JSON.parse(t) as { version: string }).version,
  );
}

async function vendorScripts(): Promise<ReportScripts> {
  const buildDir = (pkg: string) => dirname(fileURLToPath(import.meta.resolve(pkg)));
  const [vega, vegaLite, vegaEmbed] = await Promise.all([
    readFile(join(buildDir('vega'), 'vega.min.js'), 'utf8'),
    readFile(join(buildDir('vega-lite'), 'vega-lite.min.js'), 'utf8'),
    readFile(join(buildDir('vega-embed'), 'vega-embed.min.js'), 'utf8'),
  ]);
  return { vega, vegaLite, vegaEmbed };
}

/** Renders one figure to its spec, SVG and PNG. */
export async function renderFigure(
  input: ChartInput,
  overrides: Record<string, unknown> = {},
  scale = 2,
): Promise<{ spec: VlSpec; svg: string; png: Buffer }> {
  const spec = redactKnownValue(chartSpec(input, overrides));
  const svg = redactKnown(await renderSvg(spec, input.preset.id));
  const png = await renderPng(svg, scale);
  return { spec, svg, png };
}

/**
 * Writes the report: index.html (inline SVGs, interactive through vega-embed inlined from the
 * installed package, so it opens offline) and, per figure, <id>.png, <id>.svg and <id>.vl.json.
 */
export async function buildReport(store: Store, opts: ReportOptions): Promise<ReportSummary> {
  const stored = await loadFigureInputs(store, opts.figures ?? []);
  const runs = opts.runs !== false && !opts.figures?.length;
  const m = runs ? await measuredResults(store, {}, opts.chosenRuns ?? []) : null;
  const measured = m?.measured ?? [];
  const inputs = [...(measured.length ? measuredFigureInputs(measured) : []), ...stored];
  if (!inputs.length)
    throw new UserError(
      'the store holds no figures and no finished runs; load some first (`yardstick catalog load`)',
      EXIT.notFound,
    );
  await mkdir(opts.outDir, { recursive: true });
  const caption = opts.caption ?? defaultCaption;
  const findings = new Map(
    (
      await figureFindings(
        store,
        stored.map((i) => i.preset.id),
        1,
      )
    ).map((f) => [f.preset.id, f.findings]),
  );
  const scripts = vendorScripts();
  const sections: ReportSection[] = [];
  const figures: ReportFigure[] = [];
  for (const input of inputs) {
    const id = input.preset.id;
    const files = { svgFile: `${id}.svg`, pngFile: `${id}.png`, specFile: `${id}.vl.json` };
    let description: FigureDescription | null = null;
    let drawn: Awaited<ReturnType<typeof renderFigure>>;
    try {
      description = await caption(input, findings.get(input.preset.id));
      drawn = await renderFigure(
        input,
        { description: renderDescriptionPlain(description) },
        opts.scale ?? 2,
      );
    } catch (err) {
      // Options the chart schema or Vega refuse, or nothing to draw: the error takes the figure's place,
      // the others are drawn.
      if (!(err instanceof UserError)) throw err;
      const title = input.preset.title;
      sections.push({
        id,
        title,
        description,
        svg: '',
        spec: null,
        png: '',
        svgFile: '',
        error: err.message,
      });
      figures.push({ id, title, ...files, crowded: [], error: err.message });
      continue;
    }
    const { spec, svg, png } = drawn;
    await Promise.all([
      writeFile(join(opts.outDir, files.svgFile), svg),
      writeFile(join(opts.outDir, files.pngFile), png),
      writeFile(join(opts.outDir, files.specFile), `${JSON.stringify(spec, null, 2)}\n`),
    ]);
    const title = (spec.title as { text: string }).text;
    sections.push({
      id,
      title,
      description,
      svg,
      spec,
      png: files.pngFile,
      svgFile: files.svgFile,
      error: null,
    });
    figures.push({ id, title, ...files, crowded: spec.usermeta.crowded, error: null });
  }
  let blocks: MeasuredBlocks | null = null;
  if (m && measured.length)
    blocks = {
      leaderboard: leaderboardHtml(leaderboard(measured)),
      provenance: provenanceHtml({
        version: await toolVersion(),
        generatedAt: (opts.date ?? new Date()).toISOString().slice(0, 10),
        runs: [...m.runs.values()].sort((a, b) => a.spec.id.localeCompare(b.spec.id)),
      }),
    };
  const index = join(opts.outDir, 'index.html');
  const html = reportHtml(opts.title ?? 'Yardstick report', sections, await scripts, blocks);
  await writeFile(index, redactKnown(html));
  return { index, figures, measured: measured.length };
}
