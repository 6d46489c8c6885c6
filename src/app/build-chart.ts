import { redactKnown, redactKnownValue } from '../adapters/providers/redact.ts';
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { renderPng } from '../adapters/render/render-png.ts';
import { renderSvg } from '../adapters/render/render-svg.ts';
import type { Store } from '../adapters/store/store.ts';
import type { ChartInput, VlSpec } from '../core/charts/chart-input.ts';
import { chartSpec } from '../core/charts/chart-spec.ts';
import { EXIT, UserError } from '../core/errors/user-error.ts';
import { type ResultFilterInput, selectResults } from '../core/query/select-results.ts';
import { ChartKind, FigurePreset } from '../core/schema/index.ts';
import { loadFigureInputs } from './queries/figure-inputs.ts';
import { resultViews } from './queries/result-views.ts';

export interface ChartRequest {
  /** A chart kind (size-scatter, ...) or the id of a stored figure. */
  kind: string;
  filter: ResultFilterInput;
  /** Chart options; they replace the figure's own. */
  options: Record<string, unknown>;
}

export type ChartFormat = 'svg' | 'png' | 'vl.json';

/** The output format named by a file's extension. */
export function chartFormat(file: string): ChartFormat {
  if (file.endsWith('.vl.json')) return 'vl.json';
  const ext = extname(file).toLowerCase();
  if (ext === '.svg') return 'svg';
  if (ext === '.png') return 'png';
  throw new UserError(`cannot tell the format of "${file}": use .svg, .png or .vl.json`, EXIT.usage);
}

/** The figure to draw: a stored figure narrowed by the filter, or an ad-hoc one of a chart kind. */
export async function chartInput(store: Store, req: ChartRequest): Promise<ChartInput> {
  const kind = ChartKind.safeParse(req.kind);
  const f = req.filter;
  if (!kind.success) {
    const [input] = await loadFigureInputs(store, [req.kind]);
    const views = selectResults(input!.views, f);
    return { preset: input!.preset, views };
  }
  const views = selectResults(await resultViews(store, { benchmarks: f.benchmarks, models: f.models }), f);
  if (!views.length)
    throw new UserError('no results match; see `yardstick results` with the same filters', EXIT.notFound);
  const benchIds = f.benchmarks?.length ? f.benchmarks : [...new Set(views.map((v) => v.result.benchmark))];
  const preset = FigurePreset.parse({
    id: 'chart',
    chart: kind.data,
    title:
      typeof req.options.title === 'string'
        ? req.options.title
        : benchIds.map((b) => views.find((v) => v.result.benchmark === b)?.benchmark.name ?? b).join(', '),
    benchmarks: benchIds,
    models: f.models?.length ? f.models : null,
  });
  return { preset, views };
}

/** Draws the chart and writes it in the format its file name asks for. */
export async function writeChart(
  store: Store,
  req: ChartRequest,
  outFile: string,
  scale = 2,
): Promise<{ spec: VlSpec; format: ChartFormat }> {
  const format = chartFormat(outFile);
  const input = await chartInput(store, req);
  const spec = redactKnownValue(chartSpec(input, req.options));
  if (format === 'vl.json') await writeFile(outFile, `${JSON.stringify(spec, null, 2)}\n`);
  else {
    const svg = redactKnown(await renderSvg(spec, input.preset.id));
    await writeFile(outFile, format === 'svg' ? svg : await renderPng(svg, scale));
  }
  return { spec, format };
}
