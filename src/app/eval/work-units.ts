import type { Store } from '../../adapters/store/store.ts';
import { type CacheKeyParts, cacheKey } from '../../core/engine/cache-key.ts';
import { sampleSeed } from '../../core/engine/sample-seed.ts';
import type { ChatMessage, RunSpec } from '../../core/schema/index.ts';
import type { Item, PromptTemplate } from '../../core/task/task.ts';
import { type CachedGeneration, cachedGeneration } from './cached-generation.ts';

/** One sample to produce: an item, its sample index and seed, the messages and the cache key. */
export interface WorkUnit {
  item: Item;
  sampleIndex: number;
  seed: number;
  messages: ChatMessage[];
  key: string;
  cached: CachedGeneration | null;
}

export const sampleKey = (itemId: string, sampleIndex: number) => `${itemId}\u0000${sampleIndex}`;

/** The endpoint side of a unit's cache key: provider, endpoint and model. */
export type UnitProvider = Omit<
  CacheKeyParts,
  'taskArgs' | 'messages' | 'generation' | 'sampleIndex' | 'seed'
>;

/** One unit: the item's sample `sampleIndex`, with its seed and content-addressed cache key. */
export function workUnit(
  spec: RunSpec,
  item: Item,
  messages: ChatMessage[],
  sampleIndex: number,
  provider: UnitProvider,
): WorkUnit {
  const seed = sampleSeed(spec.seed, item.id, sampleIndex);
  const key = cacheKey({
    ...provider,
    taskArgs: spec.task.args,
    messages,
    generation: spec.generation,
    sampleIndex,
    seed,
  });
  return { item, sampleIndex, seed, messages, key, cached: null };
}

/**
 * The samples still to produce, in item then sample order, produced lazily; `skip` holds the samples
 * already recorded. Cache lookups are made `chunk` units at a time (the first chunk is small, so that
 * the first requests start at once); with no cache to read, each unit is yielded as soon as it is made.
 */
export async function* workUnits(
  spec: RunSpec,
  items: Item[],
  prompt: PromptTemplate,
  skip: Set<string>,
  provider: UnitProvider,
  store: Store | null,
  chunk = 256,
): AsyncGenerator<WorkUnit> {
  let batch: WorkUnit[] = [];
  let size = store ? Math.min(chunk, 16) : 1;
  const release = async function* () {
    if (store && batch.length) {
      const hits = await store.cachedResponses(batch.map((u) => u.key));
      for (const u of batch) u.cached = cachedGeneration(hits.get(u.key));
    }
    const out = batch;
    batch = [];
    yield* out;
  };
  for (const item of items) {
    let messages: ChatMessage[] | null = null;
    for (let sampleIndex = 0; sampleIndex < spec.samples; sampleIndex++) {
      if (skip.has(sampleKey(item.id, sampleIndex))) continue;
      messages ??= prompt(item);
      batch.push(workUnit(spec, item, messages, sampleIndex, provider));
      if (batch.length >= size) {
        yield* release();
        size = store ? chunk : 1;
      }
    }
  }
  yield* release();
}
