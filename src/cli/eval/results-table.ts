import type { RunOutcome } from '../../app/eval/execute-run.ts';
import type { PriceTable } from '../../core/engine/cost.ts';
import { renderTable } from '../format/table.ts';
import { NO_USAGE, usageSummary } from './run-usage-summary.ts';
import { usageColumns } from './usage-columns.ts';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '-' : (v * 100).toFixed(1));

/** The table printed when `yardstick eval` ends: one row per run. */
export function resultsTable(outcomes: RunOutcome[], prices: PriceTable | null = null): string {
  return renderTable(outcomes, [
    { header: 'run', value: (o) => o.spec.id },
    { header: 'model', value: (o) => o.spec.model },
    { header: 'benchmark', value: (o) => o.spec.benchmark },
    { header: 'samples', value: (o) => String(o.summary.samples), align: 'right' },
    { header: 'errors', value: (o) => String(o.summary.errors), align: 'right' },
    { header: 'metric', value: (o) => o.summary.metrics[0]?.name ?? '-' },
    { header: 'score %', value: (o) => pct(o.summary.metrics[0]?.value), align: 'right' },
    { header: '± stderr', value: (o) => pct(o.summary.metrics[0]?.stderr), align: 'right' },
    {
      header: 'no answer %',
      value: (o) => pct(o.summary.metrics.find((m) => m.name === 'extraction-failure-rate')?.value),
      align: 'right',
    },
    ...usageColumns((o: RunOutcome) => usageSummary(o.spec, o.usage ?? NO_USAGE, prices), prices !== null),
    { header: 'requests', value: (o) => String(o.requests), align: 'right' },
    { header: 'cached', value: (o) => String(o.cacheHits), align: 'right' },
    { header: 'seconds', value: (o) => (o.elapsedMs / 1000).toFixed(2), align: 'right' },
    { header: 'status', value: (o) => o.status },
  ]);
}
