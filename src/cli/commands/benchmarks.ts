import type { Command } from 'commander';
import { addListingOptions, type ListingFlags, printListing } from '../format/print-listing.ts';
import { withStore } from '../with-store.ts';

export function registerBenchmarks(program: Command): void {
  addListingOptions(program.command('benchmarks').description('list benchmarks'))
    .addHelpText('after', '\nExamples:\n  $ yardstick benchmarks\n  $ yardstick benchmarks --json')
    .action(async (flags: ListingFlags, cmd: Command) => {
      const benchmarks = await withStore(cmd, (s) => s.benchmarks());
      printListing(benchmarks, flags, {
        footer: `${benchmarks.length} benchmarks`,
        columns: [
          { header: 'id', value: (b) => b.id },
          { header: 'name', value: (b) => b.name },
          { header: 'version', value: (b) => b.version ?? '' },
          {
            header: 'window',
            value: (b) =>
              b.windowStart || b.windowEnd ? `${b.windowStart ?? ''}..${b.windowEnd ?? ''}` : '',
          },
          { header: 'domain', value: (b) => b.domain },
          { header: 'metric', value: (b) => b.metric },
          {
            header: 'items',
            value: (b) => (b.itemCount === null ? '' : String(b.itemCount)),
            align: 'right',
          },
        ],
      });
    });
}
