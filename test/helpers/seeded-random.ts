/** A seeded generator of numbers in [0, 1), so that random kill points can be reproduced. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) & 0x7fffffff;
    return a / 0x7fffffff;
  };
}
