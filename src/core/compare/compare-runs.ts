import { type PairedDifference, pairedDifference } from '../stats/paired-difference.ts';

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
export interface RunComparison {
  items: ItemComparison[];
  counts: Record<ItemChange, number>;
  /** Mean item score of each run over the paired items. */
  meanA: number | null;
  meanB: number | null;
  /** Paired difference b - a over the items both runs scored (null below two pairs). */
  test: PairedDifference | null;
}

/**
 * Compares two runs item by item, given each run's item -> mean score of its scored samples (see
 * `itemScoresOf`): an item improved when b's score is higher, regressed when lower. Items are listed
 * in id order.
 */
export function compareRuns(sa: ReadonlyMap<string, number>, sb: ReadonlyMap<string, number>): RunComparison {
  const ids = [...new Set([...sa.keys(), ...sb.keys()])].sort();
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
    test: pairedA.length >= 2 ? pairedDifference(pairedA, pairedB) : null,
  };
}
