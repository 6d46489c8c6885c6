import type { Command } from 'commander';
import { formatParams } from '../../core/format/format-params.ts';
import { addListingOptions, type ListingFlags, printListing } from '../format/print-listing.ts';
import { withStore } from '../with-store.ts';

export function registerModels(program: Command): void {
  addListingOptions(program.command('models').description('list model cards'))
    .addHelpText('after', '\nExamples:\n  $ yardstick models --json\n  $ yardstick models --csv > models.csv')
    .action(async (flags: ListingFlags, cmd: Command) => {
      const models = await withStore(cmd, (s) => s.models());
      printListing(models, flags, {
        footer: `${models.length} models`,
        columns: [
          { header: 'id', value: (m) => m.id },
          { header: 'name', value: (m) => m.name },
          { header: 'family', value: (m) => m.family },
          {
            header: 'total',
            value: (m) => formatParams(m.totalParamsB),
            csv: (m) => m.totalParamsB,
            align: 'right',
          },
          {
            header: 'active',
            value: (m) => formatParams(m.activeParamsB ?? m.totalParamsB),
            csv: (m) => m.activeParamsB ?? m.totalParamsB,
            align: 'right',
          },
          {
            header: 'open',
            value: (m) => (m.openWeights ? (m.openData ? 'weights+data' : 'weights') : 'no'),
          },
          { header: 'method', value: (m) => m.trainingMethod ?? '' },
          { header: 'categories', value: (m) => m.categories.join(', '), csv: (m) => m.categories },
        ],
      });
    });
}
