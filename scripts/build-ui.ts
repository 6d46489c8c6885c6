// Builds the dashboard's pages (src/ui) with Vite, twice: into dist/ui for `yardstick serve` (one
// index.html and content-hashed ES modules; Vega is split into chunks loaded only when a figure is
// opened), and into dist/ui-file for `serve --bundle` copies opened from file://, where browsers run
// classic scripts only (one app.js and app.css, Vega included). `npm ci` builds it through `prepare`, like the CLI bundle, so a clean clone serves the UI
// without committed build output; `yardstick serve` reads dist/ui.
//
//   node scripts/build-ui.ts      (also run by `npm run build` and npm's `prepare`)
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Builds the UI into `outDir` (default dist/ui) and returns the files written, with their sizes. */
export async function buildUi(outDir = join(ROOT, 'dist/ui')): Promise<{ file: string; bytes: number }[]> {
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    root: join(ROOT, 'src/ui'),
    base: './',
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 2000,
      reportCompressedSize: false,
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  return outputs.map((o) => ({
    file: o.fileName,
    bytes: o.type === 'chunk' ? Buffer.byteLength(o.code) : Buffer.byteLength(o.source),
  }));
}

/** Builds the file:// flavour into `outDir` (default dist/ui-file): assets/app.js and assets/app.css. */
export async function buildUiForFiles(outDir = join(ROOT, 'dist/ui-file')): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: join(ROOT, 'src/ui'),
    base: './',
    // The preload helper's import.meta has no use once dynamic imports are inlined: quiet its warning.
    logLevel: 'error',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: false,
      chunkSizeWarningLimit: 4000,
      reportCompressedSize: false,
      cssCodeSplit: false,
      rollupOptions: {
        input: join(ROOT, 'src/ui/main.tsx'),
        output: {
          format: 'iife',
          entryFileNames: 'assets/app.js',
          assetFileNames: 'assets/app[extname]',
        },
      },
    },
  });
}

if (import.meta.main) {
  const started = performance.now();
  const files = await buildUi();
  await buildUiForFiles();
  process.stdout.write(
    `built dist/ui (${files.length} files) in ${Math.round(performance.now() - started)} ms\n`,
  );
}
