/**
 * Edit distance between two strings (insertions, deletions, substitutions and swaps of two
 * neighbouring characters each cost 1), stopping early once it exceeds `limit`.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The known name a mistyped `input` most likely meant, or undefined when none is close: the same name
 * in other case, else the nearest by edit distance (at most one edit per three characters, at least
 * one), else the only candidate that starts with the input. Ties go to the earlier candidate.
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const text = input.trim().toLowerCase();
  if (!text) return undefined;
  const exact = candidates.find((c) => c.toLowerCase() === text);
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const name = c.toLowerCase();
    const limit = Math.max(1, Math.floor(Math.max(text.length, name.length) / 3));
    const d = editDistance(text, name, limit);
    if (d <= limit && d < text.length && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best !== undefined) return best;
  const prefixed = candidates.filter((c) => text.length >= 3 && c.toLowerCase().startsWith(text));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** " (did you mean x?)" for a message, or "" when nothing is close. */
export function didYouMeanHint(input: string, candidates: readonly string[]): string {
  const s = didYouMean(input, candidates);
  return s === undefined ? '' : ` (did you mean ${s}?)`;
}
