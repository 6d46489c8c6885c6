import type { Command } from 'commander';
import { usageColumns } from '../eval/usage-columns.ts';
import { addListingOptions, type ListingFlags, printListing } from '../format/print-listing.ts';
import { withStore } from '../with-store.ts';

export function registerRuns(program: Command): void {
  addListingOptions(program.command('runs').description('list evaluation runs with their specs'))
    .addHelpText('after', '\nExamples:\n  $ yardstick runs\n  $ yardstick runs --json   # the full run specs')
    .option('--prices <file>', 'price table (YAML/JSON: model -> {input, output} USD per 1M tokens)')
    .action(async (flags: ListingFlags & { prices?: string }, cmd: Command) => {
      await withStore(cmd, async (store) => {
        const { runUsageSummary } = await import('../eval/run-usage-summary.ts');
        const { loadPriceTable } = await import('../../app/eval/load-price-table.ts');
        const prices = await loadPriceTable(flags.prices);
        const runs = await store.runs();
        const usage = new Map<string, Awaited<ReturnType<typeof runUsageSummary>>>();
        for (const r of runs) usage.set(r.spec.id, await runUsageSummary(store, r.spec, prices));
        printListing(runs, flags, {
          json: runs.map((r) => ({
            ...r.spec,
            status: r.status,
            finishedAt: r.finishedAt,
            usage: usage.get(r.spec.id),
          })),
          empty: 'no runs yet (yardstick eval --help)',
          columns: [
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
            ...usageColumns((r: (typeof runs)[number]) => usage.get(r.spec.id)!, prices !== null),
            {
              header: 'created',
              value: (r) => r.spec.createdAt.slice(0, 19).replace('T', ' '),
              csv: (r) => r.spec.createdAt,
            },
          ],
        });
      });
    });
}
