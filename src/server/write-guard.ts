import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Reads pass; a write needs `Authorization: Bearer <token>` with the server's write token. Without a
 * token the server is read-only and every write is refused.
 */
export function writeGuard(token: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (READS.has(c.req.method)) return next();
    if (token === null)
      return c.json({ error: 'read-only: start `yardstick serve` with a write token' }, 403);
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!same(given, token)) return c.json({ error: 'a write needs the write token' }, 401);
    return next();
  };
}
