import { Hono } from 'hono';
import { z } from 'zod';
import { figureView } from '../../app/queries/figure-view.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { FigurePreset } from '../../core/schema/index.ts';
import { parseQuery } from '../parse-query.ts';
import type { ServerDeps } from '../server-deps.ts';

const FigureQuery = z.object({ seed: z.coerce.number().int().nonnegative().default(1) });

/**
 * GET /api/figures: the stored figures (id, title, chart kind, caption). GET /api/figures/:id: one
 * figure's Vega-Lite spec, findings and description. PUT /api/figures/:id (write token): store a figure.
 */
export function figureRoutes({ store }: ServerDeps): Hono {
  return new Hono()
    .get('/', async (c) =>
      c.json(
        (await store.figures()).map((f) => ({
          id: f.id,
          title: f.title,
          chart: f.chart,
          caption: f.caption,
        })),
      ),
    )
    .get('/:id', async (c) =>
      c.json(await figureView(store, c.req.param('id'), parseQuery(c, FigureQuery).seed)),
    )
    .put('/:id', async (c) => {
      const body = await c.req.json().catch(() => {
        throw new UserError('body: expected JSON', EXIT.invalidInput);
      });
      const parsed = FigurePreset.safeParse({ ...body, id: c.req.param('id') });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new UserError(`body: ${issue.path.join('.')}: ${issue.message}`, EXIT.invalidInput);
      }
      await store.importBatch({ figures: [parsed.data] });
      return c.json(parsed.data, 201);
    });
}
