import { csvCell } from '../../adapters/files/csv-cell.ts';
import type { VsPublishedRow } from '../../core/compare/vs-published.ts';
import { renderTable } from '../format/table.ts';

const f1 = (x: number) => x.toFixed(1);
const verdict = (r: VsPublishedRow) => (r.agree === null ? 'unknown' : r.agree ? 'agree' : 'differ');

function measuredText(r: VsPublishedRow): string {
  const m = r.measured.result;
  return m.ciLow !== null && m.ciHigh !== null
    ? `${f1(m.value)} [${f1(m.ciLow)}, ${f1(m.ciHigh)}]`
    : f1(m.value);
}

function publishedText(r: VsPublishedRow): string {
  const p = r.published.result;
  return `${p.approximate ? '~' : ''}${f1(p.value)}${r.publishedError ? ` ±${f1(r.publishedError)}` : ''}`;
}

/** `results --vs-published` as a table. */
export function vsPublishedTable(rows: VsPublishedRow[]): string {
  const table = renderTable(rows, [
    { header: 'model', value: (r) => r.measured.model.name },
    { header: 'benchmark', value: (r) => r.measured.benchmark.shortName ?? r.measured.benchmark.name },
    { header: 'measured (95% CI)', value: measuredText, align: 'right' },
    { header: 'published', value: publishedText, align: 'right' },
    { header: 'gap', value: (r) => `${r.gap > 0 ? '+' : ''}${f1(r.gap)}`, align: 'right' },
    { header: 'verdict', value: verdict },
    { header: 'run', value: (r) => r.measured.result.runId ?? '' },
    {
      header: 'source',
      value: (r) =>
        [r.published.result.paper, r.published.result.figure ?? r.published.result.table]
          .filter(Boolean)
          .join(', '),
    },
  ]);
  const differ = rows.filter((r) => r.agree === false).length;
  return `${table}\n${rows.length} comparisons, ${differ} differ beyond the measured 95% interval plus the published value's error (~ read off a chart)`;
}

const COLUMNS = [
  'model',
  'benchmark',
  'measured',
  'ciLow',
  'ciHigh',
  'runId',
  'published',
  'publishedError',
  'approximate',
  'paper',
  'figure',
  'gap',
  'agree',
] as const;

/** `results --vs-published --csv`. */
export function vsPublishedCsv(rows: VsPublishedRow[]): string {
  const lines = rows.map((r) => {
    const m = r.measured.result;
    const p = r.published.result;
    const cells = [
      m.model,
      m.benchmark,
      m.value,
      m.ciLow,
      m.ciHigh,
      m.runId,
      p.value,
      r.publishedError,
      p.approximate,
      p.paper,
      p.figure ?? p.table,
      r.gap,
      r.agree,
    ];
    return cells.map(csvCell).join(',');
  });
  return `${[COLUMNS.join(','), ...lines].join('\n')}\n`;
}

/** `results --vs-published --json`. */
export function vsPublishedJson(rows: VsPublishedRow[]): string {
  const out = rows.map((r) => ({
    model: r.measured.result.model,
    benchmark: r.measured.result.benchmark,
    measured: r.measured.result,
    published: r.published.result,
    measuredHalfWidth: r.measuredHalfWidth,
    publishedError: r.publishedError,
    gap: r.gap,
    agree: r.agree,
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}
