import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { redactKnown } from '../../adapters/providers/redact.ts';
import { type ExportFormat, type KindedRecord, writeRecords } from '../../adapters/files/write-records.ts';
import { UserError } from '../../core/errors/user-error.ts';
import { withStore } from '../with-store.ts';

const KINDS = ['model', 'benchmark', 'result', 'figure'] as const;

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export the store in the formats `import` reads')
    .addOption(
      new Option('--format <format>', 'output format').choices(['jsonl', 'json', 'csv']).default('jsonl'),
    )
    .addOption(new Option('--kind <kind>', 'only this kind of record (required for CSV)').choices([...KINDS]))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .addHelpText(
      'after',
      '\nExamples:\n  $ yardstick export > backup.jsonl\n  $ yardstick export --format csv --kind result -o results.csv',
    )
    .action(
      async (
        opts: { format: ExportFormat; kind?: (typeof KINDS)[number]; output?: string },
        cmd: Command,
      ) => {
        if (opts.format === 'csv' && !opts.kind)
          throw new UserError('CSV holds one kind of record: add --kind model|benchmark|result|figure');
        const records = await withStore(cmd, async (s) => {
          const want = (k: (typeof KINDS)[number]) => !opts.kind || opts.kind === k;
          const out: KindedRecord[] = [];
          if (want('benchmark'))
            for (const v of await s.benchmarks()) out.push({ kind: 'benchmark', value: v });
          if (want('model')) for (const v of await s.models()) out.push({ kind: 'model', value: v });
          if (want('result')) for (const v of await s.results()) out.push({ kind: 'result', value: v });
          if (want('figure')) for (const v of await s.figures()) out.push({ kind: 'figure', value: v });
          return out;
        });
        const text = writeRecords(records, opts.format);
        if (opts.output) {
          writeFileSync(opts.output, redactKnown(text));
          process.stderr.write(`wrote ${records.length} records to ${opts.output}\n`);
        } else process.stdout.write(text);
      },
    );
}
