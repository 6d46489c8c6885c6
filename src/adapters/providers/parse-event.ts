import type { z } from 'zod';
import type { SseEvent } from './http-client.ts';
import { ProviderError } from './provider-error.ts';

/** One streamed event's JSON, checked against its schema; anything else is a malformed response. */
export function parseEvent<T>(e: SseEvent, schema: z.ZodType<T>, host: string): T {
  let json: unknown;
  try {
    json = JSON.parse(e.data);
  } catch {
    throw new ProviderError('malformed', `${host} sent an event that is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ProviderError('malformed', `${host} sent an unexpected event`);
  return parsed.data;
}
