import type { Command } from 'commander';
import { Option } from 'commander';
import { positiveInt } from '../parse-options.ts';
import { withStore } from '../with-store.ts';

interface ShowFlags {
  verdict?: 'correct' | 'incorrect' | 'no-answer' | 'error';
  error?: boolean;
  truncated?: boolean;
  sample?: number;
  reasoning?: boolean;
  limit: number;
  json?: boolean;
}

export function registerShow(program: Command): void {
  program
    .command('show')
    .description("read a run's samples: one item in full, or the run's samples with filters")
    .argument('<run>', 'a run id (see yardstick runs)')
    .argument('[item]', 'an item id: show its samples in full')
    .addOption(
      new Option('--verdict <verdict>', 'only samples with this verdict').choices([
        'correct',
        'incorrect',
        'no-answer',
        'error',
      ]),
    )
    .option('--error', 'only samples recorded as errors')
    .option('--truncated', 'only samples cut off by the token limit')
    .option('--sample <index>', 'with ITEM: only this sample index', (v) => (v === '0' ? 0 : positiveInt(v)))
    .option('--reasoning', 'unfold the reasoning')
    .option('--limit <n>', 'show at most n samples (default 50)', positiveInt, 50)
    .option('--json', 'print the samples as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ yardstick show RUN_ID --verdict incorrect
  $ yardstick show RUN_ID --error
  $ yardstick show RUN_ID 17 --reasoning`,
    )
    .action(async (runId: string, item: string | undefined, f: ShowFlags, cmd: Command) => {
      const { showRun } = await import('../../app/evidence/show-run.ts');
      const shown = await withStore(cmd, (s) =>
        showRun(
          s,
          runId,
          { item: item ?? null, verdict: f.verdict ?? null, error: f.error, truncated: f.truncated },
          f.limit,
        ),
      );
      const samples =
        f.sample === undefined ? shown.samples : shown.samples.filter((s) => s.sampleIndex === f.sample);
      if (f.json) return void process.stdout.write(`${JSON.stringify(samples, null, 2)}\n`);
      const { sampleTable, sampleText } = await import('../evidence/sample-text.ts');
      if (item) {
        process.stdout.write(`${samples.map((s) => sampleText(s, f.reasoning === true)).join('\n\n')}\n`);
        return;
      }
      const more = shown.matched > samples.length ? ` (first ${samples.length}; --limit shows more)` : '';
      process.stdout.write(
        `${samples.length ? `${sampleTable(samples)}\n` : ''}${shown.matched} of ${shown.total} samples of ${runId} match${more}\n`,
      );
    });
}
