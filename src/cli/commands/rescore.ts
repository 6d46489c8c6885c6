import type { Command } from 'commander';
import { withStore } from '../with-store.ts';

export function registerRescore(program: Command): void {
  program
    .command('rescore')
    .description("re-score a run's stored responses with the current scorer (the model is not called)")
    .argument('<run>', 'run id')
    .option(
      '--data-dir <dir>',
      "local mirror of benchmark datasets (default: the run's, then YARDSTICK_DATA_DIR)",
    )
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      "\nEach sample keeps the scorer version that produced its score; the run's result is updated.\n\nExamples:\n  $ yardstick runs\n  $ yardstick rescore RUN_ID --json",
    )
    .action(async (runId: string, opts: { dataDir?: string; json?: boolean }, cmd: Command) => {
      const { rescoreRun } = await import('../../app/rescore-run.ts');
      const { builtinRegistry } = await import('../../registry/builtin.ts');
      const { datasetContext, loadSettings } = await import('../../adapters/settings/settings.ts');
      const { renderTable } = await import('../format/table.ts');
      const { percent } = await import('../format/percent.ts');
      const ctx = datasetContext(loadSettings({ dataDir: opts.dataDir }));
      const r = await withStore(cmd, (store) => rescoreRun(store, builtinRegistry(), runId, ctx));
      if (opts.json) return void process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      process.stdout.write(
        `run ${r.runId}: ${r.rescored} of ${r.samples} samples re-scored with ${r.scorerVersion}, ${r.changed} changed` +
          `${r.missingItems ? `, ${r.missingItems} left as they were (item not in the dataset)` : ''}\n` +
          `${renderTable(r.metrics, [
            { header: 'metric', value: (m) => m.name },
            { header: 'value %', value: (m) => percent(m.value), align: 'right' },
            { header: '± stderr', value: (m) => percent(m.stderr), align: 'right' },
            {
              header: '95% CI',
              value: (m) => (m.ciLow === null ? '-' : `${percent(m.ciLow)}..${percent(m.ciHigh)}`),
            },
            { header: 'n', value: (m) => String(m.n), align: 'right' },
          ])}\n`,
      );
    });
}
