import { Hono } from 'hono';
import { z } from 'zod';
import { compareSummary, compareUnchangedPage } from '../../app/queries/compare-two-runs.ts';
import { parseQuery } from '../parse-query.ts';
import { textField } from '../query-fields.ts';
import type { ServerDeps } from '../server-deps.ts';

const CompareQuery = z.object({ a: z.string().min(1), b: z.string().min(1) });
const UnchangedQuery = CompareQuery.extend({
  after: textField,
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/**
 * GET /api/compare?a=RUN&b=RUN: two runs' counts, paired test and the items that moved.
 * GET /api/compare/unchanged?a=RUN&b=RUN&after=ITEM&limit=N: a keyset page of the items that did not.
 */
export function compareRoutes({ store }: ServerDeps): Hono {
  return new Hono()
    .get('/', async (c) => {
      const q = parseQuery(c, CompareQuery);
      return c.json(await compareSummary(store, q.a, q.b));
    })
    .get('/unchanged', async (c) => {
      const q = parseQuery(c, UnchangedQuery);
      return c.json(await compareUnchangedPage(store, q.a, q.b, q.after, q.limit));
    });
}
