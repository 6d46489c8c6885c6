import type { Command } from 'commander';
import { EXIT } from '../../core/errors/user-error.ts';
import { list } from '../parse-options.ts';
import { withStore } from '../with-store.ts';

interface ReportOptions {
  output: string;
  figure?: string[];
  title?: string;
  run?: string[];
  runs: boolean;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('draw every stored figure into a self-contained HTML report, with a PNG and SVG each')
    .requiredOption('-o, --output <dir>', 'folder to write index.html and the figure files into')
    .option('-f, --figure <ids>', 'only these figures (comma-separated)', list)
    .option('--title <text>', 'report title')
    .option(
      '--run <ids>',
      'show these runs instead of the latest of their model, benchmark and condition',
      list,
    )
    .option('--no-runs', 'leave out measured results (leaderboard, run figures, provenance)')
    .addHelpText(
      'after',
      `
Examples:
  $ yardstick catalog load && yardstick report -o out/report
  $ yardstick report -o out/fig1 --figure fig1-livecodebench-v5
  $ yardstick report -o out/runs --run RUN_A,RUN_B

When the store holds finished runs (and no --figure is given), the report opens with a leaderboard of
measured scores (models by benchmarks, with 95% intervals and runs), draws a figure per benchmark of
them, and ends with their provenance (Yardstick version, date, run specs, dataset checksums). A figure
that cannot be drawn shows its error in its place; the rest is written and the command exits with 3.`,
    )
    .action(async (opts: ReportOptions, cmd: Command) => {
      const { buildReport } = await import('../../app/build-report.ts');
      const summary = await withStore(cmd, (s) =>
        buildReport(s, {
          outDir: opts.output,
          figures: opts.figure ?? [],
          title: opts.title,
          runs: opts.runs,
          chosenRuns: opts.run,
        }),
      );
      if (summary.measured) process.stdout.write(`leaderboard: ${summary.measured} measured scores\n`);
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
