import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { apiError } from './api-error.ts';
import { benchmarkRoutes } from './routes/benchmarks.ts';
import { compareRoutes } from './routes/compare.ts';
import { figureRoutes } from './routes/figures.ts';
import { modelRoutes } from './routes/models.ts';
import { progressRoutes } from './routes/progress.ts';
import { resultRoutes } from './routes/results.ts';
import { runRoutes } from './routes/runs.ts';
import { uiRoutes } from './routes/ui.ts';
import { securityHeaders } from './security-headers.ts';
import type { ServerDeps } from './server-deps.ts';
import { writeGuard } from './write-guard.ts';

/** Where `npm run build` puts the UI. */
export const DEFAULT_UI_DIR = fileURLToPath(new URL('../../dist/ui/', import.meta.url));

export interface AppOptions extends Partial<Pick<ServerDeps, 'progressIntervalMs'>> {
  store: ServerDeps['store'];
  /** Writes need this token; null makes the server read-only. */
  writeToken?: string | null;
  uiDir?: string;
}

/** The dashboard as a function from request to response: the JSON API under /api and the UI. */
export function createApp(options: AppOptions): Hono {
  const deps: ServerDeps = {
    store: options.store,
    progressIntervalMs: Math.max(250, options.progressIntervalMs ?? 250),
  };
  const api = new Hono()
    .use(writeGuard(options.writeToken ?? null))
    .route('/models', modelRoutes(deps))
    .route('/benchmarks', benchmarkRoutes(deps))
    .route('/results', resultRoutes(deps))
    .route('/figures', figureRoutes(deps))
    .route('/runs', runRoutes(deps))
    .route('/compare', compareRoutes(deps))
    .route('/progress', progressRoutes(deps));
  api.notFound((c) => c.json({ error: 'no such API route' }, 404));
  const app = new Hono();
  app.use(securityHeaders);
  app.onError(apiError);
  app.route('/api', api);
  app.route('/', uiRoutes(options.uiDir ?? DEFAULT_UI_DIR));
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  return app;
}
