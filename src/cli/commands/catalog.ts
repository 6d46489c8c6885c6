import type { Command } from 'commander';
import { catalogBaseFiles, catalogEntries } from '../../adapters/catalog/catalog-files.ts';
import { importFiles } from '../../app/import-files.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { didYouMeanHint } from '../../core/format/did-you-mean.ts';
import { formatProblem } from '../../core/import/source-record.ts';
import { addListingOptions, type ListingFlags, printListing } from '../format/print-listing.ts';
import { withStore } from '../with-store.ts';

export function registerCatalog(program: Command): void {
  const catalog = program
    .command('catalog')
    .description('results published in papers, shipped with Yardstick');
  addListingOptions(catalog.command('list').description('list the catalog entries')).action(
    (flags: ListingFlags) => {
      const entries = catalogEntries();
      printListing(entries, flags, {
        json: entries.map((e) => ({ name: e.name, title: e.title })),
        columns: [
          { header: 'name', value: (e) => e.name },
          { header: 'title', value: (e) => e.title },
        ],
      });
    },
  );
  catalog
    .command('load')
    .description('load catalog entries (all when none is named) into the store')
    .argument('[names...]', 'entries to load')
    .addHelpText(
      'after',
      '\nExamples:\n  $ yardstick catalog load\n  $ yardstick catalog load fig1-livecodebench-v5',
    )
    .action(async (names: string[], _opts: unknown, cmd: Command) => {
      const entries = catalogEntries();
      const unknown = names.filter((n) => !entries.some((e) => e.name === n));
      if (unknown.length)
        throw new UserError(
          `unknown catalog entry "${unknown[0]}"${didYouMeanHint(
            unknown[0]!,
            entries.map((e) => e.name),
          )}; ` + 'see `yardstick catalog list`',
          EXIT.notFound,
        );
      const chosen = names.length ? entries.filter((e) => names.includes(e.name)) : entries;
      const outcomes = await withStore(cmd, (s) =>
        importFiles(s, [...catalogBaseFiles(), ...chosen.map((e) => e.file)]),
      );
      const bad = outcomes.find((o) => o.problems.length);
      if (bad) throw new Error(`the shipped catalog is invalid: ${formatProblem(bad.problems[0]!)}`);
      const total = outcomes.reduce((n, o) => n + (o.counts?.results ?? 0), 0);
      process.stdout.write(
        `loaded ${chosen.length} catalog entries: ${chosen.map((e) => e.name).join(', ')} (${total} results)\n`,
      );
    });
}
