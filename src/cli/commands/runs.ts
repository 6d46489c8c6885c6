import type { Command } from 'commander';
import { withStore } from '../with-store.ts';

export function registerRuns(program: Command): void {
  program
    .command('runs')
    .description('list evaluation runs with their specs')
    .option('--json', 'print the full run specs as JSON')
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      await withStore(cmd, async (store) => {
        const { renderTable } = await import('../format/table.ts');
        const runs = await store.runs();
        if (flags.json) {
          const out = runs.map((r) => ({ ...r.spec, status: r.status, finishedAt: r.finishedAt }));
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
          return;
        }
        if (runs.length === 0) {
          process.stdout.write('no runs yet (yardstick eval --help)\n');
          return;
        }
        process.stdout.write(
          `${renderTable(runs, [
            { header: 'run', value: (r) => r.spec.id },
            { header: 'status', value: (r) => r.status },
            { header: 'model', value: (r) => r.spec.model },
            {
              header: 'provider',
              value: (r) => `${r.spec.provider.name}${r.spec.endpoint ? ` ${r.spec.endpoint}` : ''}`,
            },
            { header: 'benchmark', value: (r) => r.spec.benchmark },
            {
              header: 'limit',
              value: (r) => (r.spec.limit === null ? 'all' : String(r.spec.limit)),
              align: 'right',
            },
            { header: 'k', value: (r) => String(r.spec.samples), align: 'right' },
            { header: 'temp', value: (r) => String(r.spec.generation.temperature), align: 'right' },
            { header: 'seed', value: (r) => String(r.spec.seed), align: 'right' },
            { header: 'created', value: (r) => r.spec.createdAt.slice(0, 19).replace('T', ' ') },
          ])}\n`,
        );
      });
    });
}
