/** FNV-1a over a string, 32 bits. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The seed of one sample: a function of the run seed, the item and the sample index only,
 * so a resumed or re-run evaluation sends exactly the same seeds. Always in [0, 2^31).
 */
export function sampleSeed(runSeed: number, itemId: string, sampleIndex: number): number {
  return fnv1a(`${itemId}\u0000${sampleIndex}`, runSeed | 0) & 0x7fffffff;
}
