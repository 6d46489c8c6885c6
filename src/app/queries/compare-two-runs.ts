import type { Store } from '../../adapters/store/store.ts';
import { compareItems, type ItemComparison, type ItemsComparison } from '../../core/compare/compare-items.ts';
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

/**
 * What the compare page shows at once: the counts, the paired test and every item whose score moved
 * (improved, regressed, or in one run only), in id order. The unchanged items, usually the bulk of two
 * large runs, come by keyset pages (`compareUnchangedPage`).
 */
export interface ComparisonSummary extends Omit<TwoRunComparison, 'items'> {
  changed: ItemComparison[];
}

export async function compareSummary(store: Store, a: string, b: string): Promise<ComparisonSummary> {
  const { items, ...rest } = await compareTwoRuns(store, a, b);
  return { ...rest, changed: items.filter((x) => x.change !== 'unchanged') };
}

/** A keyset page of the items two runs scored alike: ids after `after`, in id order; `next` is the cursor. */
export interface UnchangedPage {
  items: ItemComparison[];
  next: string | null;
}

export async function compareUnchangedPage(
  store: Store,
  a: string,
  b: string,
  after: string | null,
  limit: number,
): Promise<UnchangedPage> {
  const { items: all } = await compareTwoRuns(store, a, b);
  const unchanged = all.filter((x) => x.change === 'unchanged' && (after === null || x.itemId > after));
  const items = unchanged.slice(0, limit);
  return { items, next: unchanged.length > limit ? items[items.length - 1]!.itemId : null };
}
