import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../app/queries/store-type.ts';
import { bundleDataFile, canonicalApiPath } from '../core/format/bundle-data-file.ts';
import { EXIT, UserError } from '../core/errors/user-error.ts';
import { createApp } from './create-app.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';

/** The served policy as a meta tag (a file:// page has no headers; frame-ancestors has no effect in a meta tag). */
const BUNDLE_CSP = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

/** The file:// flavour of the UI (classic scripts), built by `npm run build`. */
export const FILE_UI_DIR = fileURLToPath(new URL('../../dist/ui-file/', import.meta.url));

/** Samples per page in a copy: the page size the run page asks for. */
const PAGE = 200;
/** Items per page of a comparison: the page size the compare page asks for. */
const COMPARE_PAGE = 1000;

const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${BUNDLE_CSP}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Yardstick</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="assets/app.css" />
    <script src="bundle.js"></script>
    <script defer src="assets/app.js"></script>
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>
`;

export interface BundleSummary {
  index: string;
  files: number;
}

/**
 * Writes a static copy of the dashboard into `dir` that opens from file://: the pages, and every API
 * answer they ask for as a data file (leaderboard, figures, runs, every sample page and sample, and
 * the comparison of every two runs of one benchmark). Answers come from the server itself
 * (`app.request`), so a copy shows exactly what `serve` shows. Filters that ask the server a new
 * question (a sample search, a verdict filter) need `serve`.
 */
export async function writeBundle(store: Store, dir: string, uiDir = FILE_UI_DIR): Promise<BundleSummary> {
  const app = createApp({ store, uiDir });
  await mkdir(join(dir, 'data'), { recursive: true });
  await cp(join(uiDir, 'assets'), join(dir, 'assets'), { recursive: true }).catch(() => {
    throw new UserError(`the UI is not built (${uiDir}): run \`npm run build\``, EXIT.failure);
  });
  let files = 0;
  const get = async (path: string): Promise<unknown> => {
    const res = await app.request(path);
    const body = await res.json();
    if (!res.ok) throw new UserError(`${path}: ${(body as { error: string }).error}`, EXIT.failure);
    const key = canonicalApiPath(path);
    await writeFile(
      join(dir, 'data', bundleDataFile(key)),
      `(window.__YARDSTICK_DATA__ ??= {})[${JSON.stringify(key)}] = ${JSON.stringify(body)};\n`,
    );
    files++;
    return body;
  };
  await get('/api/results/leaderboard');
  const figures = (await get('/api/figures')) as { id: string }[];
  for (const f of figures) await get(`/api/figures/${encodeURIComponent(f.id)}`);
  const runs = (await get('/api/runs')) as { spec: { id: string; benchmark: string } }[];
  for (const run of runs) {
    const id = encodeURIComponent(run.spec.id);
    await get(`/api/runs/${id}`);
    let after: string | null = null;
    for (;;) {
      const page = (await get(
        `/api/runs/${id}/samples?limit=${PAGE}${after === null ? '' : `&after=${encodeURIComponent(after)}`}`,
      )) as { samples: { itemId: string; sampleIndex: number }[]; next: string | null };
      for (const s of page.samples)
        await get(`/api/runs/${id}/sample?item=${encodeURIComponent(s.itemId)}&index=${s.sampleIndex}`);
      if (page.next === null) break;
      after = page.next;
    }
  }
  for (const a of runs)
    for (const b of runs) {
      if (a === b || a.spec.benchmark !== b.spec.benchmark) continue;
      const pair = `a=${encodeURIComponent(a.spec.id)}&b=${encodeURIComponent(b.spec.id)}`;
      await get(`/api/compare?${pair}`);
      // The items by the pages the compare page asks for: all of them, and those of each change.
      for (const change of [
        '',
        '&change=improved',
        '&change=regressed',
        '&change=unchanged',
        '&change=only-a',
        '&change=only-b',
      ])
        for (let after: string | null = null, more = true; more; ) {
          const page = (await get(
            `/api/compare/items?${pair}${change}&limit=${COMPARE_PAGE}${after === null ? '' : `&after=${encodeURIComponent(after)}`}`,
          )) as { next: string | null };
          after = page.next;
          more = after !== null;
        }
    }

  await writeFile(join(dir, 'bundle.js'), 'window.__YARDSTICK_BUNDLE__ = true;\n');
  await writeFile(join(dir, 'index.html'), INDEX);
  return { index: join(dir, 'index.html'), files: files + 3 };
}
