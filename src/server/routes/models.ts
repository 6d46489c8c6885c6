import { Hono } from 'hono';
import type { ServerDeps } from '../server-deps.ts';

/** GET /api/models: every model card. */
export function modelRoutes({ store }: ServerDeps): Hono {
  return new Hono().get('/', async (c) => c.json(await store.models()));
}
