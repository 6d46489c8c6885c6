import type { Column } from '../format/table.ts';
import type { RunUsageSummary } from './run-usage-summary.ts';

const pct = (v: number) => (v * 100).toFixed(1);

/** Table columns for a run's tokens (reasoning / answer), truncation rate and, with prices, cost. */
export function usageColumns<T>(of: (row: T) => RunUsageSummary, withCost: boolean): Column<T>[] {
  const cols: Column<T>[] = [
    { header: 'prompt tok', value: (r) => String(of(r).tokens.prompt), align: 'right' },
    { header: 'reasoning tok', value: (r) => String(of(r).tokens.reasoning), align: 'right' },
    { header: 'answer tok', value: (r) => String(of(r).tokens.answer), align: 'right' },
    { header: 'truncated %', value: (r) => pct(of(r).truncationRate), align: 'right' },
  ];
  if (withCost)
    cols.push({
      header: 'cost $',
      value: (r) => {
        const c = of(r).costUsd;
        return c === null ? '-' : c.toFixed(4);
      },
      align: 'right',
    });
  return cols;
}
