import type { Store } from '../../adapters/store/store.ts';
import { latestMeasured } from '../../core/query/latest-measured.ts';
import type { ResultView } from '../../core/query/result-view.ts';
import { type ResultFilterInput, selectResults } from '../../core/query/select-results.ts';
import type { RunRecord } from '../../core/schema/index.ts';
import { resultViews } from '../queries/result-views.ts';

export interface MeasuredResults {
  /** Every result that matches the filter. */
  views: ResultView[];
  /** One measured score per model, benchmark and condition: the latest finished run's, or a chosen run's. */
  measured: ResultView[];
  /** The finished runs behind `measured`, by id. */
  runs: Map<string, RunRecord>;
}

/** Results joined to their cards, with the latest finished run's score per model, benchmark and condition. */
export async function measuredResults(
  store: Store,
  filter: ResultFilterInput = {},
  chosenRuns: readonly string[] = [],
): Promise<MeasuredResults> {
  const [joined, runs] = await Promise.all([
    resultViews(store, { benchmarks: filter.benchmarks, models: filter.models }),
    store.runs(),
  ]);
  const views = selectResults(joined, filter);
  const finished = new Map(
    runs.filter((r) => r.status === 'finished' && r.finishedAt).map((r) => [r.spec.id, r.finishedAt!]),
  );
  const measured = latestMeasured(views, finished, chosenRuns);
  const used = new Set(measured.map((v) => v.result.runId!));
  return {
    views,
    measured,
    runs: new Map(runs.filter((r) => used.has(r.spec.id)).map((r) => [r.spec.id, r])),
  };
}
