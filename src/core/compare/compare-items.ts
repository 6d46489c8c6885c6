import { type PairedItemTest, pairedItemTest } from './paired-item-test.ts';

/** How an item's score moved from run a to run b. */
export type ItemChange = 'improved' | 'regressed' | 'unchanged' | 'only-a' | 'only-b';

/** One item of two runs: its mean score in each (null when it has no scored sample there). */
export interface ItemComparison {
  itemId: string;
  a: number | null;
  b: number | null;
  change: ItemChange;
}

/** Two runs compared item by item, with the paired test over the items both scored. */
export interface ItemsComparison {
  items: ItemComparison[];
  counts: Record<ItemChange, number>;
  /** Mean item score of each run over the paired items. */
  meanA: number | null;
  meanB: number | null;
  /** The paired test b - a over the items both runs scored, in points (null below two pairs). */
  test: PairedItemTest | null;
}

/** A map's keys in code-unit order (a store usually returns them so: then no sort is needed). */
function sortedKeys(m: ReadonlyMap<string, number>): string[] {
  const keys = [...m.keys()];
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! >= keys[i]!) return keys.sort();
  return keys;
}

/** The union of two sorted lists of distinct strings, sorted. */
function mergeSorted(a: string[], b: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x < y)) out.push(a[i++]!);
    else if (x === undefined || y < x) out.push(b[j++]!);
    else {
      out.push(a[i++]!);
      j++;
    }
  }
  return out;
}

/**
 * Every item of two runs, given each run's item -> mean score of its scored samples (see
 * `itemScoresOf`): improved when b's score is higher, regressed when lower, or in one run only, in id
 * order (for a listing that links each item), with `pairedItemTest` over the shared items.
 */
export function compareItems(
  sa: ReadonlyMap<string, number>,
  sb: ReadonlyMap<string, number>,
  samplesPerItem = 1,
  seed = 1,
): ItemsComparison {
  const ids = mergeSorted(sortedKeys(sa), sortedKeys(sb));
  const counts: Record<ItemChange, number> = {
    improved: 0,
    regressed: 0,
    unchanged: 0,
    'only-a': 0,
    'only-b': 0,
  };
  const pairedA: number[] = [];
  const pairedB: number[] = [];
  const items = ids.map((itemId): ItemComparison => {
    const x = sa.get(itemId) ?? null;
    const y = sb.get(itemId) ?? null;
    let change: ItemChange;
    if (x === null) change = 'only-b';
    else if (y === null) change = 'only-a';
    else {
      pairedA.push(x);
      pairedB.push(y);
      change = y > x ? 'improved' : y < x ? 'regressed' : 'unchanged';
    }
    counts[change]++;
    return { itemId, a: x, b: y, change };
  });
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, v) => s + v, 0) / xs.length : null);
  return {
    items,
    counts,
    meanA: mean(pairedA),
    meanB: mean(pairedB),
    test: pairedA.length >= 2 ? pairedItemTest(pairedA, pairedB, samplesPerItem, seed) : null,
  };
}
