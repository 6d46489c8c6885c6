import type { RunOutcome } from '../../app/eval/execute-run.ts';
import type { PriceTable } from '../../core/engine/cost.ts';
import type { MetricValue } from '../../core/task/task.ts';
import { percent } from '../format/percent.ts';
import { renderTable } from '../format/table.ts';
import { NO_USAGE, usageSummary } from './run-usage-summary.ts';
import { usageColumns } from './usage-columns.ts';

interface Row {
  outcome: RunOutcome;
  metric: MetricValue | null;
  first: boolean;
}

/**
 * The table printed when `yardstick eval` ends: per run, one row per metric of its task (pass@k and
 * maj@k with their k), every value in percent; run columns are written on the run's first row only.
 */
export function resultsTable(outcomes: RunOutcome[], prices: PriceTable | null = null): string {
  const rows = outcomes.flatMap((outcome): Row[] =>
    outcome.summary.metrics.length
      ? outcome.summary.metrics.map((metric, i) => ({ outcome, metric, first: i === 0 }))
      : [{ outcome, metric: null, first: true }],
  );
  const once = (f: (o: RunOutcome) => string) => (r: Row) => (r.first ? f(r.outcome) : '');
  return renderTable(rows, [
    { header: 'run', value: once((o) => o.spec.id) },
    { header: 'model', value: once((o) => o.spec.model) },
    { header: 'benchmark', value: once((o) => o.spec.benchmark) },
    { header: 'samples', value: once((o) => String(o.summary.samples)), align: 'right' },
    { header: 'errors', value: once((o) => String(o.summary.errors)), align: 'right' },
    { header: 'metric', value: (r) => r.metric?.name ?? '-' },
    { header: 'value %', value: (r) => percent(r.metric?.value), align: 'right' },
    { header: '± stderr', value: (r) => percent(r.metric?.stderr), align: 'right' },
    {
      header: '95% CI',
      value: (r) =>
        r.metric?.ciLow === null || r.metric?.ciLow === undefined
          ? '-'
          : `${percent(r.metric.ciLow)}..${percent(r.metric.ciHigh)}`,
    },
    { header: 'n', value: (r) => (r.metric ? String(r.metric.n) : '-'), align: 'right' },
    // Usage columns on each run's first row only.
    ...usageColumns(
      (r: Row) => usageSummary(r.outcome.spec, r.outcome.usage ?? NO_USAGE, prices),
      prices !== null,
    ).map((c) => ({ ...c, value: (r: Row) => (r.first ? c.value(r) : '') })),
    { header: 'requests', value: once((o) => String(o.requests)), align: 'right' },
    { header: 'cached', value: once((o) => String(o.cacheHits)), align: 'right' },
    { header: 'seconds', value: once((o) => (o.elapsedMs / 1000).toFixed(2)), align: 'right' },
    { header: 'status', value: once((o) => o.status) },
  ]);
}

/** Per run with errors: how many, grouped by cause, with one example each. Empty when none. */
export function errorSummary(outcomes: RunOutcome[]): string {
  const parts: string[] = [];
  for (const o of outcomes) {
    if (!o.summary.errors) continue;
    parts.push(
      `${o.summary.errors} of ${o.summary.samples} samples of ${o.spec.id} ended as errors, by cause:`,
    );
    for (const c of o.errorCauses)
      parts.push(
        `  ${String(c.count).padStart(6)}  ${c.cause}${c.example !== c.cause ? `  (e.g. ${c.example})` : ''}`,
      );
  }
  return parts.length ? `${parts.join('\n')}\n` : '';
}
