/**
 * Optimal 1-D partition of values into k contiguous groups minimising the within-group sum of
 * squares (Fisher's exact method, the basis of Jenks natural breaks). Returns the groups as lists
 * of indices into `values`, ordered from the lowest group to the highest, and their total SSE.
 */
export function naturalBreaks(values: readonly number[], k: number): { groups: number[][]; sse: number } {
  const n = values.length;
  if (k < 1 || k > n) throw new RangeError(`naturalBreaks needs 1 <= k <= n (k=${k}, n=${n})`);
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i);
  const v = order.map((o) => o.v);
  const pre = [0];
  const pre2 = [0];
  for (const x of v) {
    pre.push(pre[pre.length - 1]! + x);
    pre2.push(pre2[pre2.length - 1]! + x * x);
  }
  // cost of the segment v[i..j) as a sum of squared deviations
  const cost = (i: number, j: number) => {
    const s = pre[j]! - pre[i]!;
    return Math.max(0, pre2[j]! - pre2[i]! - (s * s) / (j - i));
  };
  // best[g][j]: minimal SSE splitting the first j values into g groups
  const best: number[][] = [];
  const cut: number[][] = [];
  for (let g = 0; g <= k; g++) {
    best.push(new Array(n + 1).fill(Number.POSITIVE_INFINITY));
    cut.push(new Array(n + 1).fill(0));
  }
  best[0]![0] = 0;
  for (let g = 1; g <= k; g++) {
    for (let j = g; j <= n; j++) {
      for (let i = g - 1; i < j; i++) {
        const c = best[g - 1]![i]! + cost(i, j);
        if (c < best[g]![j]!) {
          best[g]![j] = c;
          cut[g]![j] = i;
        }
      }
    }
  }
  const groups: number[][] = [];
  let j = n;
  for (let g = k; g >= 1; g--) {
    const i = cut[g]![j]!;
    groups.unshift(order.slice(i, j).map((o) => o.i));
    j = i;
  }
  return { groups, sse: best[k]![n]! };
}

/**
 * Mean silhouette width of a 1-D grouping (Rousseeuw 1987): for each value, (b - a) / max(a, b),
 * where a is its mean distance to its own group and b to the nearest other group. Values alone in
 * their group count 0. Near 1: tight, well-separated groups; near 0: no structure.
 */
export function silhouette(values: readonly number[], groups: readonly number[][]): number {
  if (groups.length < 2) return Number.NaN;
  let total = 0;
  for (let g = 0; g < groups.length; g++) {
    const own = groups[g]!;
    for (const i of own) {
      if (own.length === 1) continue;
      const xi = values[i]!;
      const a = own.reduce((s, j) => s + Math.abs(values[j]! - xi), 0) / (own.length - 1);
      let b = Number.POSITIVE_INFINITY;
      for (let h = 0; h < groups.length; h++) {
        if (h === g) continue;
        const other = groups[h]!;
        b = Math.min(b, other.reduce((s, j) => s + Math.abs(values[j]! - xi), 0) / other.length);
      }
      const m = Math.max(a, b);
      total += m > 0 ? (b - a) / m : 0;
    }
  }
  return total / values.length;
}
