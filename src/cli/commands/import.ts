import type { Command } from 'commander';
import { importFiles } from '../../app/import-files.ts';
import { EXIT } from '../../core/errors/user-error.ts';
import { formatProblem } from '../../core/import/source-record.ts';
import { withStore } from '../with-store.ts';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      'import model cards, benchmarks, results, figures, and runs with their samples, from JSONL, JSON or CSV files',
    )
    .argument('<files...>', 'files to import (.jsonl, .json, .csv)')
    .addHelpText(
      'after',
      `
Each file is checked whole and written in one transaction: a file with any problem writes nothing.
Records are upserted by their natural keys, so importing the same file twice changes nothing.

Examples:
  $ yardstick import models.jsonl paper-table.csv
  $ yardstick export --format csv --kind result > results.csv && yardstick import results.csv
  $ yardstick export --kind sample -o runs.jsonl && yardstick --store postgres://host/db import runs.jsonl`,
    )
    .action(async (files: string[], _opts: unknown, cmd: Command) => {
      const outcomes = await withStore(cmd, (s) => importFiles(s, files));
      let failed = 0;
      for (const o of outcomes) {
        if (o.problems.length) {
          failed++;
          const more = o.problems.length > 1 ? ` (+${o.problems.length - 1} more problems in this file)` : '';
          process.stderr.write(`${formatProblem(o.problems[0]!)}${more}\n`);
        } else if (o.counts) {
          const c = o.counts;
          process.stdout.write(
            `${o.file}: ${c.models} models, ${c.benchmarks} benchmarks, ${c.results} results, ${c.figures} figures` +
              `${c.runs || c.samples ? `, ${c.runs} runs, ${c.samples} samples` : ''}\n`,
          );
        }
      }
      if (failed) {
        process.stderr.write(
          `${failed} of ${outcomes.length} files rejected; nothing from them was written\n`,
        );
        process.exitCode = EXIT.invalidInput;
      }
    });
}
