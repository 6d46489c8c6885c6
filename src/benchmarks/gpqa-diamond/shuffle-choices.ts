import { seededRandom } from '../../core/stats/seeded-random.ts';

/** FNV-1a hash of a string, for seeding. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A deterministic permutation of the options of one question: the same (seed, key) always gives the
 * same order, different questions get independent orders. Returns the shuffled options and the new
 * index of option 0 (the correct answer, by convention of the caller).
 */
export function shuffleChoices<T>(
  options: readonly T[],
  seed: number,
  key: string,
): { options: T[]; correctIndex: number } {
  const random = seededRandom(fnv1a(`${seed}:${key}`));
  const order = options.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return { options: order.map((i) => options[i]!), correctIndex: order.indexOf(0) };
}
