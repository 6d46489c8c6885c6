import type { Store } from '../../adapters/store/store.ts';
import { type LeaderboardTable, leaderboardTable } from '../../core/query/leaderboard-table.ts';
import type { ResultFilterInput } from '../../core/query/select-results.ts';
import { listResults } from './list-results.ts';

/** The models x benchmarks table of the results the filter keeps (plain scores, no deltas). */
export async function leaderboard(store: Store, filter: ResultFilterInput = {}): Promise<LeaderboardTable> {
  return leaderboardTable(await listResults(store, { ...filter, includeDeltas: false }));
}
