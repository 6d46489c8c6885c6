import { Hono } from 'hono';
import type { ServerDeps } from '../server-deps.ts';

/** GET /api/benchmarks: every benchmark. */
export function benchmarkRoutes({ store }: ServerDeps): Hono {
  return new Hono().get('/', async (c) => c.json(await store.benchmarks()));
}
