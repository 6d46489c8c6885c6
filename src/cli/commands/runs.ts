import type { Command } from 'commander';
import type { RunView } from '../../app/queries/run-views.ts';
import { positiveInt } from '../parse-options.ts';
import { usageColumns } from '../eval/usage-columns.ts';
import { addListingOptions, type ListingFlags, listingText } from '../format/print-listing.ts';
import type { Column } from '../format/table.ts';
import { withStore } from '../with-store.ts';

type Usage = Map<string, Awaited<ReturnType<typeof import('../eval/run-usage-summary.ts').runUsageSummary>>>;

interface RunsFlags extends ListingFlags {
  prices?: string;
  watch?: number | true;
}

/** A run as `runs --json` prints it: its spec, status and live progress; scores as fractions. */
export function runJson(v: RunView) {
  return {
    ...v.spec,
    status: v.status,
    reason: v.reason,
    finishedAt: v.finishedAt,
    progress: v.progress,
    scoreSoFar: v.scoreSoFar,
    scored: v.scored,
  };
}

/** The columns of `runs` (the table and --csv). */
async function runColumns(usage: Usage, priced: boolean): Promise<Column<RunView>[]> {
  const { percent } = await import('../format/percent.ts');
  return [
    { header: 'run', value: (r) => r.spec.id },
    { header: 'status', value: (r) => r.status },
    {
      header: 'done',
      value: (r) => (r.progress.total ? `${r.progress.done}/${r.progress.total}` : String(r.progress.done)),
      align: 'right',
    },
    { header: 'errors', value: (r) => String(r.progress.errors), align: 'right' },
    { header: 'cached', value: (r) => String(r.progress.cached), align: 'right' },
    { header: 'score %', value: (r) => percent(r.scoreSoFar), align: 'right' },
    { header: 'model', value: (r) => r.spec.model },
    {
      header: 'provider',
      value: (r) => `${r.spec.provider.name}${r.spec.endpoint ? ` ${r.spec.endpoint}` : ''}`,
    },
    { header: 'benchmark', value: (r) => r.spec.benchmark },
    { header: 'limit', value: (r) => (r.spec.limit === null ? 'all' : String(r.spec.limit)), align: 'right' },
    { header: 'k', value: (r) => String(r.spec.samples), align: 'right' },
    { header: 'temp', value: (r) => String(r.spec.generation.temperature), align: 'right' },
    { header: 'seed', value: (r) => String(r.spec.seed), align: 'right' },
    ...usageColumns((r: RunView) => usage.get(r.spec.id)!, priced),
    {
      header: 'created',
      value: (r) => r.spec.createdAt.slice(0, 19).replace('T', ' '),
      csv: (r) => r.spec.createdAt,
    },
  ];
}

async function runsTable(views: RunView[], usage: Usage, priced: boolean): Promise<string> {
  const { renderTable } = await import('../format/table.ts');
  const failed = views.filter((v) => v.reason);
  const table = renderTable(views, await runColumns(usage, priced));
  return `${table}\n${failed.map((v) => `${v.spec.id} ${v.status}: ${v.reason}\n`).join('')}`;
}

export function registerRuns(program: Command): void {
  addListingOptions(
    program
      .command('runs')
      .description('list evaluation runs: status, live progress, score so far, and their specs'),
  )
    .argument('[runs...]', 'only these run ids')
    .option('--prices <file>', 'price table (YAML/JSON: model -> {input, output} USD per 1M tokens)')
    .option(
      '--watch [seconds]',
      'redraw every few seconds (default 2) until no run shown is running',
      positiveInt,
    )
    .addHelpText(
      'after',
      `
A run is queued, running (with its owner process and heartbeat), interrupted (stopped, killed, or its
heartbeat went stale), failed (with its reason) or finished; all but running ones continue with
yardstick eval --resume RUN.

Examples:
  $ yardstick runs
  $ yardstick runs --watch
  $ yardstick runs RUN_ID --json`,
    )
    .action(async (ids: string[], flags: RunsFlags, cmd: Command) => {
      const { runViews } = await import('../../app/queries/run-views.ts');
      const { loadSettings } = await import('../../adapters/settings/settings.ts');
      const { staleMs } = loadSettings();
      const { runUsageSummary } = await import('../eval/run-usage-summary.ts');
      const { loadPriceTable } = await import('../../app/eval/load-price-table.ts');
      const prices = await loadPriceTable(flags.prices);
      await withStore(cmd, async (store) => {
        const show = async () => {
          const views = await runViews(store, { ids, staleMs });
          const usage: Usage = new Map();
          for (const v of views) usage.set(v.spec.id, await runUsageSummary(store, v.spec, prices));
          if (flags.json)
            process.stdout.write(
              `${JSON.stringify(
                views.map((v) => ({ ...runJson(v), usage: usage.get(v.spec.id) })),
                null,
                2,
              )}\n`,
            );
          else if (flags.csv)
            process.stdout.write(
              listingText(views, flags, { columns: await runColumns(usage, prices !== null) }),
            );
          else if (views.length === 0) process.stdout.write('no runs yet (yardstick eval --help)\n');
          else process.stdout.write(await runsTable(views, usage, prices !== null));
          return views.some((v) => v.status === 'running' || v.status === 'queued');
        };
        if (flags.watch === undefined) return void (await show());
        const every = (flags.watch === true ? 2 : flags.watch) * 1000;
        const { setTimeout: sleep } = await import('node:timers/promises');
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once('SIGINT', onSignal);
        try {
          for (;;) {
            if (process.stdout.isTTY && !flags.json) process.stdout.write('\x1b[H\x1b[2J');
            if (!(await show()) || stop.signal.aborted) return;
            await sleep(every, undefined, { signal: stop.signal }).catch(() => undefined);
            if (stop.signal.aborted) return;
          }
        } finally {
          process.off('SIGINT', onSignal);
        }
      });
    });
}
