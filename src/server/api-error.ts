import type { Context } from 'hono';
import { EXIT, UserError } from '../core/errors/user-error.ts';

/** The JSON answer for an error: the message of a UserError, nothing of any other (no stack, no secret). */
export function apiError(err: unknown, c: Context): Response {
  if (err instanceof UserError) {
    const status = err.exitCode === EXIT.notFound ? 404 : 400;
    return c.json({ error: err.message }, status);
  }
  return c.json({ error: 'internal error' }, 500);
}
