/** A contiguous range `[from, to)` of a run's work units, in (item, sample index) order. */
export interface Shard {
  from: number;
  to: number;
}

/** Units per job by default: a few seconds of requests, small enough that a lost job costs little. */
export const DEFAULT_SHARD_SIZE = 16;
export const MIN_SHARD_SIZE = 1;
export const MAX_SHARD_SIZE = 1024;

/**
 * The shards of a run of `total` units, `size` units each (the last one shorter). With `wanted`, only
 * the shards holding at least one wanted unit (a resume: the units not yet recorded).
 */
export function planShards(total: number, size: number, wanted?: (unit: number) => boolean): Shard[] {
  if (!Number.isInteger(size) || size < MIN_SHARD_SIZE) throw new RangeError(`shard size ${size}`);
  const out: Shard[] = [];
  for (let from = 0; from < total; from += size) {
    const to = Math.min(total, from + size);
    if (!wanted) {
      out.push({ from, to });
      continue;
    }
    for (let u = from; u < to; u++)
      if (wanted(u)) {
        out.push({ from, to });
        break;
      }
  }
  return out;
}

/** Which item and sample index a unit index stands for: units go item by item, `samples` per item. */
export function unitPosition(unit: number, samples: number): { itemIndex: number; sampleIndex: number } {
  return { itemIndex: Math.floor(unit / samples), sampleIndex: unit % samples };
}

/** The unit index of an item's sample. */
export const unitIndex = (itemIndex: number, sampleIndex: number, samples: number): number =>
  itemIndex * samples + sampleIndex;
