import { z } from 'zod';
import type { UsageCounts } from './truncation.ts';

/**
 * Prices per model in US dollars per million tokens: `input` for prompt tokens, `output` for generated
 * ones (reasoning included, as providers bill it). Keys are run model ids or provider model names.
 */
export const PriceTable = z.record(
  z.string(),
  z.object({ input: z.number().nonnegative(), output: z.number().nonnegative() }).strict(),
);
export type PriceTable = z.infer<typeof PriceTable>;

/** The estimated cost of a run's tokens in US dollars, or null when the table has no price for it. */
export function estimateCost(u: UsageCounts, table: PriceTable | null, ...models: string[]): number | null {
  if (!table) return null;
  const price = models.map((m) => table[m]).find((p) => p !== undefined);
  if (!price) return null;
  return (u.promptTokens * price.input + u.completionTokens * price.output) / 1e6;
}
