import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * The built UI from `dir`: `/` is index.html (the pages route by the URL's hash, so every permalink
 * loads this one file); `/assets/*` are content-hashed and cached for good.
 */
export function uiRoutes(dir: string): Hono {
  const root = normalize(dir + sep);
  const file = async (rel: string): Promise<Buffer | null> => {
    const path = normalize(join(root, rel));
    if (!path.startsWith(root)) return null;
    return readFile(path).catch(() => null);
  };
  return new Hono()
    .get('/', async (c) => {
      const html = await file('index.html');
      if (!html) return c.text('the UI is not built: run `npm run build`', 503);
      return c.body(new Uint8Array(html), 200, {
        'content-type': TYPES['.html']!,
        'cache-control': 'no-cache',
      });
    })
    .get('/assets/*', async (c) => {
      const rel = decodeURIComponent(new URL(c.req.url).pathname).replace(/^\/+/, '');
      const body = await file(rel);
      if (!body) return c.json({ error: 'not found' }, 404);
      return c.body(new Uint8Array(body), 200, {
        'content-type': TYPES[extname(rel)] ?? 'application/octet-stream',
        'cache-control': 'public, max-age=31536000, immutable',
      });
    });
}
