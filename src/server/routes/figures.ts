import { Hono } from 'hono';
import { z } from 'zod';
import { figureView } from '../../app/queries/figure-view.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { checkJsonText } from '../../core/import/check-json-text.ts';
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
      // The body follows the rules of an imported JSON file: no repeated key, no deep nesting.
      const text = await c.req.text();
      const odd = checkJsonText(text);
      if (odd) throw new UserError(`body: ${odd.problem}`, EXIT.invalidInput);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new UserError('body: expected JSON', EXIT.invalidInput);
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new UserError('body: expected a JSON object', EXIT.invalidInput);
      const parsed = FigurePreset.safeParse({ ...body, id: c.req.param('id') });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new UserError(`body: ${issue.path.join('.')}: ${issue.message}`, EXIT.invalidInput);
      }
      await store.importBatch({ figures: [parsed.data] });
      return c.json(parsed.data, 201);
    });
}
