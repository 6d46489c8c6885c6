import { Hono } from 'hono';
import { leaderboard } from '../../app/queries/leaderboard.ts';
import { listResults } from '../../app/queries/list-results.ts';
import { parseQuery } from '../parse-query.ts';
import { ResultFilterQuery } from '../result-filter-query.ts';
import type { ServerDeps } from '../server-deps.ts';

/**
 * GET /api/results: results with their model card and benchmark, filtered and sorted like
 * `yardstick results`. GET /api/results/leaderboard: the same results as models x benchmarks.
 */
export function resultRoutes({ store }: ServerDeps): Hono {
  return new Hono()
    .get('/', async (c) => {
      const views = await listResults(store, parseQuery(c, ResultFilterQuery));
      return c.json(views.map((v) => ({ ...v.result, modelCard: v.model, benchmarkInfo: v.benchmark })));
    })
    .get('/leaderboard', async (c) => c.json(await leaderboard(store, parseQuery(c, ResultFilterQuery))));
}
