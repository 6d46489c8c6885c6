import type { Command } from 'commander';
import { EXIT } from '../../core/errors/user-error.ts';
import { list } from '../parse-options.ts';
import { withStore } from '../with-store.ts';

interface ReportOptions {
  output: string;
  figure?: string[];
  title?: string;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('draw every stored figure into a self-contained HTML report, with a PNG and SVG each')
    .requiredOption('-o, --output <dir>', 'folder to write index.html and the figure files into')
    .option('-f, --figure <ids>', 'only these figures (comma-separated)', list)
    .option('--title <text>', 'report title')
    .addHelpText(
      'after',
      `
Examples:
  $ yardstick catalog load && yardstick report -o out/report
  $ yardstick report -o out/fig1 --figure fig1-livecodebench-v5`,
    )
    .action(async (opts: ReportOptions, cmd: Command) => {
      const { buildReport } = await import('../../app/build-report.ts');
      const summary = await withStore(cmd, (s) =>
        buildReport(s, { outDir: opts.output, figures: opts.figure ?? [], title: opts.title }),
      );
      for (const f of summary.figures)
        if (f.error) process.stderr.write(`yardstick: ${f.error}; the report shows this in its place\n`);
        else
          process.stdout.write(
            `${f.id}: ${f.pngFile}, ${f.svgFile}${f.crowded.length ? ` (${f.crowded.length} crowded labels)` : ''}\n`,
          );
      process.stdout.write(`wrote ${summary.index}\n`);
      // The report is written; a figure that could not be drawn still fails the command.
      if (summary.figures.some((f) => f.error)) process.exitCode = EXIT.invalidInput;
    });
}
