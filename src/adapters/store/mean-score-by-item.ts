/**
 * Item id -> mean score of its rows, from rows sorted by item (a run's rows are contiguous in key
 * order), read through `item` and `score` so that objects and arrays both pass without copying.
 */
export function meanScoreByItem<R>(
  rows: readonly R[],
  item: (row: R) => string,
  score: (row: R) => unknown,
): Map<string, number> {
  const out = new Map<string, number>();
  let current: string | null = null;
  let sum = 0;
  let n = 0;
  for (const row of rows) {
    const id = item(row);
    if (id !== current) {
      if (current !== null) out.set(current, sum / n);
      current = id;
      sum = 0;
      n = 0;
    }
    sum += Number(score(row));
    n++;
  }
  if (current !== null) out.set(current, sum / n);
  return out;
}
