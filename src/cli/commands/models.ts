import type { Command } from 'commander';
import { formatParams } from '../../core/format/format-params.ts';
import { renderTable } from '../format/table.ts';
import { withStore } from '../with-store.ts';

export function registerModels(program: Command): void {
  program
    .command('models')
    .description('list model cards')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ yardstick models --json')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const models = await withStore(cmd, (s) => s.models());
      if (opts.json) return void process.stdout.write(`${JSON.stringify(models, null, 2)}\n`);
      process.stdout.write(
        `${renderTable(models, [
          { header: 'id', value: (m) => m.id },
          { header: 'name', value: (m) => m.name },
          { header: 'family', value: (m) => m.family },
          { header: 'total', value: (m) => formatParams(m.totalParamsB), align: 'right' },
          { header: 'active', value: (m) => formatParams(m.activeParamsB ?? m.totalParamsB), align: 'right' },
          {
            header: 'open',
            value: (m) => (m.openWeights ? (m.openData ? 'weights+data' : 'weights') : 'no'),
          },
          { header: 'method', value: (m) => m.trainingMethod ?? '' },
          { header: 'categories', value: (m) => m.categories.join(', ') },
        ])}\n${models.length} models\n`,
      );
    });
}
