import { z } from 'zod';

/**
 * Per-phase request timeouts, in milliseconds. A long generation that keeps streaming is never cut:
 * only `totalMs` bounds a whole request, and it is unset unless the user sets one.
 */
export const HttpTimeouts = z.object({
  /** Opening the connection. */
  connectMs: z.number().int().positive().default(10_000),
  /** From sending the request to the first byte of the answer (queueing and prefill included). */
  firstTokenMs: z.number().int().positive().default(300_000),
  /** The longest silence between two chunks once the answer has started. */
  idleMs: z.number().int().positive().default(60_000),
  /** The whole request; null: no limit. */
  totalMs: z.number().int().positive().nullable().default(null),
});
export type HttpTimeouts = z.infer<typeof HttpTimeouts>;

/** The largest response body read by default (32 MiB); larger bodies are an error for that sample. */
export const DEFAULT_MAX_BODY_BYTES = 32 * 2 ** 20;

/** Provider args shared by the HTTP providers: timeouts per phase and the body size limit. */
export const HttpArgs = {
  connectTimeoutMs: z.number().int().positive().optional(),
  firstTokenTimeoutMs: z.number().int().positive().optional(),
  idleTimeoutMs: z.number().int().positive().optional(),
  /** A total timeout per request (--timeout); none by default. */
  timeoutMs: z.number().int().positive().nullable().default(null),
  maxBodyBytes: z.number().int().positive().default(DEFAULT_MAX_BODY_BYTES),
  /** Streams answers (server-sent events); false sends plain JSON requests. */
  stream: z.boolean().default(true),
};

/** The timeouts a provider's args give. */
export function timeoutsOf(args: {
  connectTimeoutMs?: number | undefined;
  firstTokenTimeoutMs?: number | undefined;
  idleTimeoutMs?: number | undefined;
  timeoutMs: number | null;
}): HttpTimeouts {
  return HttpTimeouts.parse({
    connectMs: args.connectTimeoutMs,
    firstTokenMs: args.firstTokenTimeoutMs,
    idleMs: args.idleTimeoutMs,
    totalMs: args.timeoutMs,
  });
}
