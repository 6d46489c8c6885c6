import type { Store } from '../../adapters/store/store.ts';
import {
  compareItems,
  type ItemChange,
  type ItemComparison,
  type ItemsComparison,
} from '../../core/compare/compare-items.ts';
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
 * What the compare page shows at once: the counts and the paired test. The items themselves (100,000
 * of them for two large runs) come by keyset pages (`compareItemsPage`), so the answer stays small.
 */
export type ComparisonSummary = Omit<TwoRunComparison, 'items'>;

export async function compareSummary(store: Store, a: string, b: string): Promise<ComparisonSummary> {
  const { items: _items, ...summary } = await compareTwoRuns(store, a, b);
  return summary;
}

/** A keyset page of two runs' items: ids after `after`, in id order; `next` is the cursor or null. */
export interface ComparedItemsPage {
  items: ItemComparison[];
  next: string | null;
}

/** The items of two runs whose change is one of `changes` (every item when empty), a page at a time. */
export async function compareItemsPage(
  store: Store,
  a: string,
  b: string,
  page: { changes: readonly ItemChange[]; after: string | null; limit: number },
): Promise<ComparedItemsPage> {
  const { items: all } = await compareTwoRuns(store, a, b);
  const { changes, after, limit } = page;
  const items: ItemComparison[] = [];
  let next: string | null = null;
  for (const x of all) {
    if (after !== null && x.itemId <= after) continue;
    if (changes.length && !changes.includes(x.change)) continue;
    if (items.length === limit) {
      next = items[limit - 1]!.itemId;
      break;
    }
    items.push(x);
  }
  return { items, next };
}
