import type { ResultQuery, Store } from '../../adapters/store/store.ts';
import { joinResults, type ResultView } from '../../core/query/result-view.ts';

/** Results, measured and published, each with its model card and benchmark: what every listing reads. */
export async function resultViews(store: Store, query: ResultQuery = {}): Promise<ResultView[]> {
  const [results, models, benchmarks] = await Promise.all([
    store.results(query),
    store.models(),
    store.benchmarks(),
  ]);
  return joinResults(results, models, benchmarks);
}
