import type { Context } from 'hono';
import type { z } from 'zod';
import { EXIT, UserError } from '../core/errors/user-error.ts';

/**
 * A request's query string parsed by a schema. Repeated keys and comma-separated values both make
 * lists; a bad value is a UserError naming the field (answered as 400).
 */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const raw: Record<string, string[]> = {};
  for (const [k, v] of new URL(c.req.url).searchParams) raw[k] = [...(raw[k] ?? []), v];
  const flat = Object.fromEntries(Object.entries(raw).map(([k, vs]) => [k, vs.length === 1 ? vs[0] : vs]));
  const parsed = schema.safeParse(flat);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`query: ${issue.path.join('.') || 'value'}: ${issue.message}`, EXIT.invalidInput);
  }
  return parsed.data;
}
