import type { Command } from 'commander';
import { Option } from 'commander';
import { formatParams } from '../../core/format/format-params.ts';
import type { ResultView } from '../../core/query/result-view.ts';
import { type ResultFilterInput, SortKey, selectResults } from '../../core/query/select-results.ts';
import { paramsOf } from '../../core/schema/index.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { unknownFilterName } from '../../core/query/unknown-filter-name.ts';
import { addListingOptions, csvText } from '../format/print-listing.ts';
import { renderTable } from '../format/table.ts';
import { number } from '../parse-options.ts';
import {
  addResultFilterOptions,
  type ResultFilterFlags,
  resultFilterFrom,
} from '../result-filter-options.ts';
import { withStore } from '../with-store.ts';

interface ResultsOptions extends ResultFilterFlags {
  params: 'total' | 'active';
  sort?: 'score' | 'params' | 'model' | 'benchmark' | 'family';
  asc?: boolean;
  desc?: boolean;
  json?: boolean;
  csv?: boolean;
  vsPublished?: boolean;
  readingError: number;
}

const CSV_COLUMNS = [
  'model',
  'benchmark',
  'condition',
  'baseline',
  'metric',
  'value',
  'unit',
  'n',
  'k',
  'stderr',
  'totalParamsB',
  'activeParamsB',
  'family',
  'categories',
  'source',
  'paper',
  'figure',
  'approximate',
] as const;

function value(v: ResultView): string {
  const r = v.result;
  const sign = r.baseline !== null && r.value > 0 ? '+' : '';
  const approx = r.approximate ? '~' : '';
  const se = r.stderr !== null ? ` ±${r.stderr.toFixed(1)}` : '';
  return `${approx}${sign}${r.value.toFixed(1)}${r.unit === '%' ? '' : ` ${r.unit}`}${se}`;
}

function sourceLabel(v: ResultView): string {
  const r = v.result;
  if (r.source === 'run') return `run ${r.runId}`;
  return [r.paper, r.figure ?? r.table].filter(Boolean).join(', ');
}

export function registerResults(program: Command): void {
  const cmd = program
    .command('results')
    .description('list results, measured and published, with model metadata');
  addResultFilterOptions(cmd)
    .addOption(new Option('--sort <key>', 'sort by').choices(SortKey.options))
    .option('--asc', 'ascending order')
    .option('--desc', 'descending order');
  addListingOptions(cmd)
    .option(
      '--vs-published',
      'measured scores (latest finished run) against published ones: gap, and whether they agree',
    )
    .option(
      '--reading-error <points>',
      'with --vs-published: uncertainty of a value read off a chart (default 1 point)',
      number,
      1,
    )
    .addHelpText(
      'after',
      `
Examples:
  $ yardstick results --benchmark livecodebench-v5 --sort score
  $ yardstick results --family Qwen --max-params 32B --csv
  $ yardstick results --source publication --json
  $ yardstick results --vs-published --benchmark gsm8k

With --vs-published, a measured score agrees with a published one when their gap is within the measured
95% interval plus the published value's own uncertainty: its stated interval or standard error, else
--reading-error for a value read off a chart (marked ~), else nothing.`,
    )
    .action(async (opts: ResultsOptions, cmd: Command) => {
      if (opts.vsPublished) {
        const { measuredResults } = await import('../../app/evidence/measured-results.ts');
        const { vsPublished } = await import('../../core/compare/vs-published.ts');
        const text = await import('../evidence/vs-published-text.ts');
        const { views, measured } = await withStore(cmd, (s) => measuredResults(s, resultFilterFrom(opts)));
        const rows = vsPublished(measured, views, opts.readingError);
        if (opts.json) return void process.stdout.write(text.vsPublishedJson(rows));
        if (opts.csv) return void process.stdout.write(text.vsPublishedCsv(rows));
        return void process.stdout.write(
          rows.length
            ? `${text.vsPublishedTable(rows)}\n`
            : 'no model and benchmark has both a measured and a published score (see yardstick results)\n',
        );
      }
      const filter: ResultFilterInput = {
        ...resultFilterFrom(opts),
        sort: opts.sort ?? null,
        descending: opts.asc ? false : opts.desc ? true : null,
      };
      const { resultViews } = await import('../../app/queries/result-views.ts');
      const views = await withStore(cmd, async (s) => {
        const [views, models, benchmarks] = await Promise.all([
          resultViews(s, { benchmarks: opts.benchmark, models: opts.model }),
          s.models(),
          s.benchmarks(),
        ]);
        const unknown = unknownFilterName(filter, { models, benchmarks, views });
        if (unknown) throw new UserError(`${unknown}; nothing to list`, EXIT.notFound);
        return views;
      });
      const rows = selectResults(views, filter);
      if (opts.json) {
        const out = rows.map((v) => ({ ...v.result, modelCard: v.model, benchmarkInfo: v.benchmark }));
        return void process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      }
      if (opts.csv) {
        const cell = (v: ResultView, c: (typeof CSV_COLUMNS)[number]) =>
          c === 'totalParamsB' || c === 'activeParamsB' || c === 'family' || c === 'categories'
            ? v.model[c]
            : v.result[c];
        return void process.stdout.write(
          csvText(
            CSV_COLUMNS,
            rows.map((v) => CSV_COLUMNS.map((c) => cell(v, c))),
          ),
        );
      }
      const axis = opts.params;
      process.stdout.write(
        `${renderTable(rows, [
          { header: 'model', value: (v) => v.model.name },
          { header: 'benchmark', value: (v) => v.benchmark.shortName ?? v.benchmark.name },
          {
            header: 'condition',
            value: (v) =>
              v.result.baseline ? `Δ ${v.result.condition} vs ${v.result.baseline}` : v.result.condition,
          },
          { header: 'score', value, align: 'right' },
          {
            header: axis === 'total' ? 'params' : 'active',
            value: (v) => formatParams(paramsOf(v.model, axis)),
            align: 'right',
          },
          { header: 'family', value: (v) => v.model.family },
          { header: 'categories', value: (v) => v.model.categories.join(', ') },
          { header: 'source', value: sourceLabel },
        ])}\n${rows.length} results${rows.some((v) => v.result.approximate) ? ' (~ read off a chart)' : ''}\n`,
      );
    });
}
