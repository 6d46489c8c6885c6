import type { Command } from 'commander';
import { Option } from 'commander';
import { number, pngScale, positiveInt } from '../parse-options.ts';
import {
  addResultFilterOptions,
  type ResultFilterFlags,
  resultFilterFrom,
} from '../result-filter-options.ts';
import { withStore } from '../with-store.ts';

interface ChartOptions extends ResultFilterFlags {
  output: string;
  title?: string;
  subtitle?: string;
  highlight?: string;
  reference?: string[];
  color?: string[];
  shape?: string[];
  sizeAxis?: 'total' | 'active';
  xTitle?: string;
  yTitle?: string;
  legendTitle?: string;
  legend: boolean;
  showValues?: boolean;
  width?: number;
  height?: number;
  font?: string;
  fontSize?: number;
  scale: number;
}

const repeat = (v: string, prev: string[] = []) => [...prev, v];

/** "key=value" pairs into an object. */
function pairs(items: string[] | undefined): Record<string, string> | undefined {
  if (!items?.length) return undefined;
  return Object.fromEntries(
    items.map((s) => {
      const i = s.lastIndexOf('=');
      return i > 0 ? [s.slice(0, i), s.slice(i + 1)] : [s, ''];
    }),
  );
}

/** A reference: "Label=64.5" is a line at that value; a bare word is a model id. */
function reference(s: string): string | { label: string; value: number } {
  const i = s.lastIndexOf('=');
  const value = Number(s.slice(i + 1));
  return i > 0 && Number.isFinite(value) ? { label: s.slice(0, i), value } : s;
}

export function registerChart(program: Command): void {
  const cmd = program
    .command('chart')
    .description('draw one chart from stored results as SVG, PNG or a Vega-Lite spec')
    .argument(
      '<kind>',
      'size-scatter, delta-dots, grouped-bars, category-scatter, heatmap, or a stored figure id',
    )
    .requiredOption('-o, --output <file>', 'out.svg, out.png or out.vl.json');
  addResultFilterOptions(cmd, false)
    .option('--title <text>', 'chart title')
    .option('--subtitle <text>', 'chart subtitle')
    .option('--highlight <model>', 'model drawn as a star with a dashed line at its score')
    .option('--reference <ref>', 'reference line: a model id, or "Label=value" (repeatable)', repeat)
    .option('--color <key=hex>', 'colour for a group, model or family (repeatable)', repeat)
    .option(
      '--shape <key=shape>',
      'marker for a group: circle, square, diamond, triangle, pentagon, star',
      repeat,
    )
    .addOption(
      new Option('--size-axis <axis>', 'parameter count on the size axis').choices(['total', 'active']),
    )
    .option('--x-title <text>', 'x-axis title')
    .option('--y-title <text>', 'y-axis title')
    .option('--legend-title <text>', 'legend title')
    .option('--no-legend', 'draw no legend')
    .option('--show-values', 'print each point’s score in its label')
    .option('--width <px>', 'plot width in pixels', positiveInt)
    .option('--height <px>', 'plot height in pixels', positiveInt)
    .option(
      '--font <family>',
      'font-family to name (charts are measured and drawn in Arimo, which npm installs)',
    )
    .option('--font-size <px>', 'label font size', number)
    .option('--scale <factor>', 'PNG scale factor (above 0, at most 16)', pngScale, 2)
    .addHelpText(
      'after',
      `
Examples:
  $ yardstick chart fig1-livecodebench-v5 -o fig1.png
  $ yardstick chart size-scatter -b livecodebench-v5 --highlight dasd-4b-thinking -o lcb.svg
  $ yardstick chart heatmap -b aime-2024,math-500,gpqa-diamond -o heat.png
  $ yardstick chart grouped-bars -b aime-2024,math-500 --family AM,DeepSeek-R1 -o bars.vl.json`,
    )
    .action(async (kind: string, opts: ChartOptions, cmd: Command) => {
      const { writeChart } = await import('../../app/build-chart.ts');
      const options: Record<string, unknown> = {
        title: opts.title,
        subtitle: opts.subtitle,
        highlight: opts.highlight,
        references: opts.reference?.map(reference),
        colors: pairs(opts.color),
        shapes: pairs(opts.shape),
        sizeAxis: opts.sizeAxis,
        xTitle: opts.xTitle,
        yTitle: opts.yTitle,
        legendTitle: opts.legendTitle,
        legend: opts.legend === false ? false : undefined,
        showValues: opts.showValues,
        width: opts.width,
        height: opts.height,
        font: opts.font,
        fontSize: opts.fontSize,
      };
      const filter = resultFilterFrom(opts);
      const { spec } = await withStore(cmd, (s) =>
        writeChart(s, { kind, filter, options }, opts.output, opts.scale),
      );
      const crowded = spec.usermeta.crowded.length;
      process.stdout.write(
        `wrote ${opts.output}${crowded ? ` (${crowded} labels had no free spot; try a larger --width/--height)` : ''}\n`,
      );
    });
}
