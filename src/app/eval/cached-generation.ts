import { z } from 'zod';

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
