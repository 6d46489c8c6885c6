import type { Store } from '../../adapters/store/store.ts';
import { compareItems, type ItemsComparison } from '../../core/compare/compare-items.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import type { RunSpec } from '../../core/schema/index.ts';

export interface TwoRunComparison extends ItemsComparison {
  a: RunSpec;
  b: RunSpec;
}

/**
 * Two runs item by item, every item listed: which improved, regressed or stayed, and the paired test of
 * core/compare (`pairedItemTest`). Reads per-item mean scores only, never the samples' texts.
 */
export async function compareTwoRuns(store: Store, a: string, b: string): Promise<TwoRunComparison> {
  const [ra, rb] = await Promise.all([store.run(a), store.run(b)]);
  const missing = [ra ? null : a, rb ? null : b].filter((x) => x !== null);
  if (missing.length) throw new UserError(`no run ${missing.map((m) => `"${m}"`).join(', ')}`, EXIT.notFound);
  const [sa, sb] = await Promise.all([store.itemScores(a), store.itemScores(b)]);
  const k = Math.max(ra!.spec.samples, rb!.spec.samples);
  return { a: ra!.spec, b: rb!.spec, ...compareItems(sa, sb, k) };
}
