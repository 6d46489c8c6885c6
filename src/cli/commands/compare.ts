import type { Command } from 'commander';
import { positiveInt } from '../parse-options.ts';
import { withStore } from '../with-store.ts';

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('compare two runs of a benchmark item by item: flipped items, paired difference with its CI')
    .argument('<runA>', 'the reference run')
    .argument('<runB>', 'the run compared with it')
    .option('--seed <n>', 'seed of the paired bootstrap (several samples per item)', positiveInt, 1)
    .option('--json', 'print the comparison as JSON')
    .addHelpText(
      'after',
      `
Only items scored in both runs are compared; error samples are left out. With one sample per item the
p-value is the exact McNemar test on the items that flipped; with several samples per item the interval
is a paired bootstrap over items. The unpaired interval is shown beside the paired one. Items that carry
a subject or level are also compared per group.

Examples:
  $ yardstick compare RUN_A RUN_B
  $ yardstick compare RUN_A RUN_B --json > comparison.json`,
    )
    .action(async (a: string, b: string, opts: { seed: number; json?: boolean }, cmd: Command) => {
      const { compareStoredRuns } = await import('../../app/evidence/compare-stored-runs.ts');
      const c = await withStore(cmd, (s) => compareStoredRuns(s, a, b, opts.seed));
      if (opts.json) {
        const out = { a: c.a.spec.id, b: c.b.spec.id, benchmark: c.a.spec.benchmark, ...c.comparison };
        return void process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      }
      const { comparisonText } = await import('../evidence/comparison-text.ts');
      process.stdout.write(`${comparisonText(c)}\n`);
    });
}
