import type { Store } from '../../adapters/store/store.ts';
import { joinResults, type ResultView } from '../../core/query/result-view.ts';
import { type ResultFilterInput, selectResults } from '../../core/query/select-results.ts';

/** Results with their model cards and benchmarks, filtered and sorted as `yardstick results` does. */
export async function listResults(store: Store, filter: ResultFilterInput = {}): Promise<ResultView[]> {
  const [results, models, benchmarks] = await Promise.all([
    store.results({ benchmarks: filter.benchmarks, models: filter.models }),
    store.models(),
    store.benchmarks(),
  ]);
  return selectResults(joinResults(results, models, benchmarks), filter);
}
