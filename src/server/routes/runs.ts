import { Hono } from 'hono';
import { z } from 'zod';
import { listRuns } from '../../app/queries/list-runs.ts';
import { runOverview } from '../../app/queries/run-overview.ts';
import { sampleDetail } from '../../app/queries/sample-detail.ts';
import { parseSampleCursor, sampleListing } from '../../app/queries/sample-listing.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { Verdict } from '../../core/schema/index.ts';
import { parseQuery } from '../parse-query.ts';
import { flagField, listField, textField } from '../query-fields.ts';
import type { ServerDeps } from '../server-deps.ts';

const SamplesQuery = z.object({
  after: textField,
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  verdict: listField.pipe(z.array(Verdict)),
  q: textField,
  truncated: flagField,
});

const SampleQuery = z.object({
  item: z.string().min(1),
  index: z.coerce.number().int().nonnegative().default(0),
});

/**
 * GET /api/runs: every run with status and counts. GET /api/runs/:id: spec, counts, mean score,
 * error summary. GET /api/runs/:id/samples: a keyset page (`after`, `limit`, `verdict`, `q`,
 * `truncated=1`).
 * GET /api/runs/:id/sample?item=&index=: one sample whole with its run's spec.
 */
export function runRoutes({ store }: ServerDeps): Hono {
  return new Hono()
    .get('/', async (c) => c.json(await listRuns(store)))
    .get('/:id', async (c) => c.json(await runOverview(store, c.req.param('id'))))
    .get('/:id/samples', async (c) => {
      const q = parseQuery(c, SamplesQuery);
      const after = q.after === null ? null : parseSampleCursor(q.after);
      if (q.after !== null && after === null)
        throw new UserError(`query: after: not a sample cursor: "${q.after}"`, EXIT.invalidInput);
      return c.json(
        await sampleListing(store, c.req.param('id'), {
          after,
          limit: q.limit,
          verdicts: q.verdict,
          text: q.q,
          truncated: q.truncated === true,
        }),
      );
    })
    .get('/:id/sample', async (c) => {
      const q = parseQuery(c, SampleQuery);
      return c.json(await sampleDetail(store, c.req.param('id'), q.item, q.index));
    });
}
