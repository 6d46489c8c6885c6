import { Hono } from 'hono';
import { z } from 'zod';
import { compareItemsPage, compareSummary } from '../../app/queries/compare-two-runs.ts';
import { parseQuery } from '../parse-query.ts';
import { listField, textField } from '../query-fields.ts';
import type { ServerDeps } from '../server-deps.ts';

const CompareQuery = z.object({ a: z.string().min(1), b: z.string().min(1) });
const ItemsQuery = CompareQuery.extend({
  change: listField.pipe(z.array(z.enum(['improved', 'regressed', 'unchanged', 'only-a', 'only-b']))),
  after: textField,
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/**
 * GET /api/compare?a=RUN&b=RUN: two runs' counts (improved, regressed, unchanged, ...) and paired test.
 * GET /api/compare/items?a=RUN&b=RUN&change=C&after=ITEM&limit=N: a keyset page of their items.
 */
export function compareRoutes({ store }: ServerDeps): Hono {
  return new Hono()
    .get('/', async (c) => {
      const q = parseQuery(c, CompareQuery);
      return c.json(await compareSummary(store, q.a, q.b));
    })
    .get('/items', async (c) => {
      const q = parseQuery(c, ItemsQuery);
      return c.json(
        await compareItemsPage(store, q.a, q.b, { changes: q.change, after: q.after, limit: q.limit }),
      );
    });
}
