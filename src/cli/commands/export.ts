import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { Option } from 'commander';
import { redactKnown } from '../../adapters/providers/redact.ts';
import {
  type ExportFormat,
  jsonlLine,
  type KindedRecord,
  writeRecords,
} from '../../adapters/files/write-records.ts';
import { UserError } from '../../core/errors/user-error.ts';
import { RECORD_KINDS, type RecordKind } from '../../core/import/record-kinds.ts';
import { list } from '../parse-options.ts';
import { withStore } from '../with-store.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export the store in the formats `import` reads')
    .addOption(
      new Option('--format <format>', 'output format').choices(['jsonl', 'json', 'csv']).default('jsonl'),
    )
    .addOption(
      new Option('--kind <kind>', 'only this kind of record (required for CSV)').choices([...RECORD_KINDS]),
    )
    .option('--run <ids>', 'only these runs (with --kind run or sample; comma-separated)', list)
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .addHelpText(
      'after',
      `
Without --kind everything is written, runs and samples included: a backup that \`import\` restores
into another store, SQLite or PostgreSQL. \`--kind sample\` in JSONL or JSON writes the samples with
their runs, the results measured from them and the cards those refer to, so the file imports on its
own; in CSV it writes the samples alone, one per row (messages and tags as JSON).
Each line's format is described by schema/export-records.schema.json.

Examples:
  $ yardstick export > backup.jsonl
  $ yardstick export --format csv --kind result -o results.csv
  $ yardstick export --kind sample --run RUN_ID -o run.jsonl
  $ yardstick export --kind sample --format csv -o samples.csv`,
    )
    .action(
      async (
        opts: { format: ExportFormat; kind?: RecordKind; run?: string[]; output?: string },
        cmd: Command,
      ) => {
        if (opts.format === 'csv' && !opts.kind)
          throw new UserError(`CSV holds one kind of record: add --kind ${RECORD_KINDS.join('|')}`);
        const { exportRecords } = await import('../../app/evidence/export-store.ts');
        const req = { kind: opts.kind, runs: opts.run, withContext: opts.format !== 'csv' };
        const count = await withStore(cmd, async (s) => {
          const records = await exportRecords(s, req);
          // JSONL streams a line at a time (a store of millions of samples); JSON and CSV are written whole.
          if (opts.format === 'jsonl') return streamJsonl(records, opts.output);
          const all: KindedRecord[] = [];
          for await (const r of records) all.push(r);
          const text = writeRecords(all, opts.format);
          if (opts.output) writeFileSync(opts.output, redactKnown(text));
          else process.stdout.write(text);
          return all.length;
        });
        if (opts.output) process.stderr.write(`wrote ${count} records to ${opts.output}\n`);
      },
    );
}

/** Writes records as JSONL to a file or standard output, waiting when the stream is full; returns the count. */
async function streamJsonl(records: AsyncIterable<KindedRecord>, file: string | undefined): Promise<number> {
  const out = file ? createWriteStream(file) : process.stdout;
  let n = 0;
  for await (const r of records) {
    n++;
    const line = `${jsonlLine(r)}\n`;
    if (!out.write(file ? redactKnown(line) : line)) await once(out, 'drain');
  }
  if (file) {
    out.end();
    await once(out, 'finish');
  }
  return n;
}
