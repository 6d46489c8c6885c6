import { z } from 'zod';

/** The kinds of queued work: requests (I/O), scoring (CPU), code execution (sandbox slots). */
export const JobKind = z.enum(['gen', 'score', 'exec']);
export type JobKind = z.infer<typeof JobKind>;

/**
 * A job's payload, the same for every kind: the units `[from, to)` of a run (a micro-shard, in the
 * run's item then sample order). A `gen` job sends their requests; a `score` or `exec` job scores the
 * responses the `gen` job left in the response cache.
 */
export const ShardJobPayload = z
  .object({
    runId: z.string().min(1),
    from: z.number().int().nonnegative(),
    to: z.number().int().positive(),
    /** The endpoint the requests go to (for `yardstick queue` and per-endpoint grouping). */
    endpoint: z.string(),
    /** Redo the units recorded as errors (a resume with --retry-errors). */
    retryErrors: z.boolean().default(false),
    /** The run's priority: its scoring jobs get it too (higher is taken first). */
    priority: z.number().int().default(0),
  })
  .strict()
  .refine((r) => r.to > r.from, { message: 'must be greater than from', path: ['to'] });
export type ShardJobPayload = z.infer<typeof ShardJobPayload>;

/** What was wrong with a payload, as one line: the first problem zod found, with its field. */
export function payloadProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'malformed payload';
  return `malformed payload: ${issue.path.join('.') || '(root)'}: ${issue.message}`;
}
