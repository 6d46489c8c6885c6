import type { Store } from '../../adapters/store/store.ts';
import { compareRuns, type RunComparison } from '../../core/compare/compare-runs.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import type { RunSpec } from '../../core/schema/index.ts';

export interface TwoRunComparison extends RunComparison {
  a: RunSpec;
  b: RunSpec;
}

/** Two runs item by item: which items improved, regressed or stayed, and the paired test. */
export async function compareTwoRuns(store: Store, a: string, b: string): Promise<TwoRunComparison> {
  const [ra, rb] = await Promise.all([store.run(a), store.run(b)]);
  const missing = [ra ? null : a, rb ? null : b].filter((x) => x !== null);
  if (missing.length) throw new UserError(`no run ${missing.map((m) => `"${m}"`).join(', ')}`, EXIT.notFound);
  const [sa, sb] = await Promise.all([store.itemScores(a), store.itemScores(b)]);
  return { a: ra!.spec, b: rb!.spec, ...compareRuns(sa, sb) };
}
