import { z } from 'zod';
import { type RunSpec, type SampleRecord, Verdict } from '../schema/index.ts';

/** Which samples of a run to show. */
export const SampleFilter = z.object({
  item: z.string().min(1).nullable().default(null),
  verdict: Verdict.nullable().default(null),
  /** Only samples recorded as errors (no usable response). */
  error: z.boolean().default(false),
  /** Only samples cut off by the token limit. */
  truncated: z.boolean().default(false),
});
export type SampleFilter = z.infer<typeof SampleFilter>;
export type SampleFilterInput = z.input<typeof SampleFilter>;

/**
 * Whether a sample was cut off by the token limit: its finish reason says so when recorded, else its
 * completion reached the run's max tokens.
 */
export function isTruncated(sample: SampleRecord, spec: Pick<RunSpec, 'generation'>): boolean {
  const reason = sample.finishReason;
  if (reason !== null && reason !== undefined) return reason === 'length';
  const max = spec.generation.maxTokens;
  return max !== null && sample.completionTokens !== null && sample.completionTokens >= max;
}

/** The predicate a filter describes, for one run. */
export function sampleMatcher(
  input: SampleFilterInput,
  spec: Pick<RunSpec, 'generation'>,
): (s: SampleRecord) => boolean {
  const f = SampleFilter.parse(input);
  return (s) =>
    (f.item === null || s.itemId === f.item) &&
    (f.verdict === null || s.verdict === f.verdict) &&
    (!f.error || s.verdict === 'error') &&
    (!f.truncated || isTruncated(s, spec));
}
