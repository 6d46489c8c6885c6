import { z } from 'zod';
import type { Generation, Provider } from '../../adapters/providers/provider.ts';
import type { CachedResponse } from '../../adapters/store/store.ts';
import type { WorkUnit } from './work-units.ts';

/** A provider's Generation as kept in the response cache. */
export const CachedGeneration = z.object({
  completions: z
    .array(
      z.object({ text: z.string(), reasoning: z.string().nullable(), unclosed: z.literal(true).optional() }),
    )
    .min(1),
  promptTokens: z.number().nullable(),
  completionTokens: z.number().nullable(),
  reasoningTokens: z.number().nullable().optional(),
  latencyMs: z.number(),
  finishReason: z.string().nullable(),
});
export type CachedGeneration = z.infer<typeof CachedGeneration>;

/** The generation a cache entry holds, or null when there is none or it is not well-formed. */
export function cachedGeneration(hit: CachedResponse | undefined): CachedGeneration | null {
  const parsed = hit ? CachedGeneration.safeParse(hit.response) : null;
  return parsed?.success ? parsed.data : null;
}

/** The cache entry of a unit's response from the model. */
export function responseEntry(
  unit: Pick<WorkUnit, 'key'>,
  provider: Pick<Provider, 'name' | 'endpoint' | 'model'>,
  generation: Generation,
  createdAt: string,
): CachedResponse {
  return {
    key: unit.key,
    provider: provider.name,
    endpoint: provider.endpoint,
    model: provider.model,
    response: generation,
    createdAt,
  };
}
