import type { Command } from 'commander';
import { Option } from 'commander';
import { redactKnown } from '../../adapters/providers/redact.ts';
import { list, positiveInt } from '../parse-options.ts';
import { withStore } from '../with-store.ts';

interface DescribeOptions {
  figure?: string[];
  format: 'markdown' | 'text' | 'json';
  output?: string;
  seed: number;
}

export function registerDescribe(program: Command): void {
  program
    .command('describe')
    .description('write a structured text description of each figure, every number from the data')
    .option('--figure <ids>', 'only these figures (comma-separated); default: all stored figures', list)
    .addOption(
      new Option('--format <format>', 'markdown, plain text (one line per section), or json')
        .choices(['markdown', 'text', 'json'])
        .default('markdown'),
    )
    .option('-o, --output <dir>', 'write one file per figure into this directory')
    .option(
      '--seed <n>',
      'seed of the bootstrap resampling',
      (v: string) => (v === '0' ? 0 : positiveInt(v)),
      1,
    )
    .addHelpText(
      'after',
      `
Sections: Overview; Components/Axes; Detailed Analysis (every data point); Key Observations (the
findings of \`yardstick analyze --figure\`); Interpretation (hedged where evidence is weak).

Examples:
  $ yardstick describe --figure fig4-reasoning-benchmarks
  $ yardstick describe -o out/descriptions`,
    )
    .action(async (opts: DescribeOptions, cmd: Command) => {
      const { figureFindings } = await import('../../app/queries/figure-findings.ts');
      const { describeFigure } = await import('../../core/describe/describe-figure.ts');
      const { renderDescriptionMarkdown, renderDescriptionPlain } = await import(
        '../../core/describe/figure-description.ts'
      );
      const { EXIT, UserError } = await import('../../core/errors/user-error.ts');
      const found = await withStore(cmd, (s) => figureFindings(s, opts.figure ?? [], opts.seed));
      if (!found.length)
        throw new UserError('no figures stored; run `yardstick catalog load`', EXIT.notFound);
      const descriptions = found.map((f) => describeFigure(f.preset, f.views, f.findings));
      const render = (d: (typeof descriptions)[number]) =>
        opts.format === 'json'
          ? `${JSON.stringify(d, null, 2)}\n`
          : opts.format === 'text'
            ? `${renderDescriptionPlain(d)}\n`
            : renderDescriptionMarkdown(d);
      if (opts.output) {
        const { mkdirSync, writeFileSync } = await import('node:fs');
        const { join } = await import('node:path');
        mkdirSync(opts.output, { recursive: true });
        const ext = opts.format === 'json' ? 'json' : opts.format === 'text' ? 'txt' : 'md';
        for (const d of descriptions)
          writeFileSync(join(opts.output, `${d.figure}.${ext}`), redactKnown(render(d)));
        process.stderr.write(`wrote ${descriptions.length} descriptions to ${opts.output}\n`);
        return;
      }
      if (opts.format === 'json')
        return void process.stdout.write(`${JSON.stringify(descriptions, null, 2)}\n`);
      process.stdout.write(descriptions.map(render).join('\n'));
    });
}
