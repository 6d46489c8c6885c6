import { Hono } from 'hono';
import { z } from 'zod';
import { compareTwoRuns } from '../../app/queries/compare-two-runs.ts';
import { parseQuery } from '../parse-query.ts';
import type { ServerDeps } from '../server-deps.ts';

const CompareQuery = z.object({ a: z.string().min(1), b: z.string().min(1) });

/** GET /api/compare?a=RUN&b=RUN: two runs item by item, with the paired test. */
export function compareRoutes({ store }: ServerDeps): Hono {
  return new Hono().get('/', async (c) => {
    const q = parseQuery(c, CompareQuery);
    return c.json(await compareTwoRuns(store, q.a, q.b));
  });
}
