import type { Command } from 'commander';
import { positiveInt } from '../parse-options.ts';
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
    .option('--json', 'print JSON (every change, with why)')
    .option('--changes <n>', 'changed samples to list', positiveInt, 20)
    .addHelpText(
      'after',
      "\nEach sample keeps the scorer version and how it was scored (extraction rule, compared forms, equivalence\nmethod); the run's result is updated. Scorer errors (scorer-timeout) are re-tried; every changed sample is\nlisted with why.\n\nExamples:\n  $ yardstick runs\n  $ yardstick rescore RUN_ID --json",
    )
    .action(
      async (runId: string, opts: { dataDir?: string; json?: boolean; changes: number }, cmd: Command) => {
        const { rescoreRun } = await import('../../app/rescore-run.ts');
        const { builtinRegistry } = await import('../../registry/builtin.ts');
        const { datasetContext, loadSettings } = await import('../../adapters/settings/settings.ts');
        const { renderTable } = await import('../format/table.ts');
        const { percent } = await import('../format/percent.ts');
        const ctx = datasetContext(loadSettings({ dataDir: opts.dataDir }));
        const r = await withStore(cmd, (store) => rescoreRun(store, builtinRegistry(), runId, ctx));
        if (opts.json) return void process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        const errors = Object.entries(r.errors)
          .map(([why, n]) => `${n} ${why}`)
          .join(', ');
        const shown = r.changes.slice(0, opts.changes);
        process.stdout.write(
          `run ${r.runId}: ${r.rescored} of ${r.samples} samples re-scored with ${r.scorerVersion}, ${r.changed} changed` +
            `${r.retried ? `, ${r.retried} scorer errors re-tried` : ''}` +
            `${r.missingItems ? `, ${r.missingItems} left as they were (item not in the dataset)` : ''}\n` +
            `extraction rules: ${Object.entries(r.rules)
              .map(([rule, n]) => `${rule} ${n}`)
              .join(', ')}\n` +
            `${errors ? `errors (excluded from scores): ${errors}\n` : ''}` +
            `${Object.entries(r.transitions)
              .map(([t, n]) => `  ${t}: ${n}\n`)
              .join('')}` +
            `${shown.map((c) => `  item ${c.itemId}#${c.sampleIndex} ${c.before.verdict} -> ${c.after.verdict}: ${c.why.join('; ')}\n`).join('')}` +
            `${r.changes.length > shown.length ? `  ... ${r.changes.length - shown.length} more (--json lists all)\n` : ''}` +
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
      },
    );
}
