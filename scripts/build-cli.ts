// Bundles the CLI into dist/cli so that it starts fast: Node loads each ES module file separately, and
// the ~500 files of the CLI, zod, kysely, yaml and commander cost ~150 ms before any work begins. The
// bundle inlines those; heavy or native packages that load on demand (renderers, drivers, the GGUF
// runtime) stay in node_modules. bin/yardstick.js uses the bundle only while it matches the sources
// (src/cli/bundle/bundle-info.ts), so an edited checkout never runs stale code.
//
//   node scripts/build-cli.ts            (also run by `npm run build` and npm's `prepare`)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_DIR, BUNDLE_INFO, bundleInfo } from '../src/cli/bundle/bundle-info.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Packages inlined into the bundle: small, pure JavaScript, and loaded by most commands. */
export const INLINED = ['commander', 'csv-parse', 'kysely', 'yaml', 'zod'];

/** Packages a user installs only when needed (the GGUF runtime): not dependencies, always external. */
export const OPTIONAL_RUNTIMES = ['node-llama-cpp'];

/** Every dependency but the inlined ones stays external and loads from node_modules on demand. */
function externals(root: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const names = [...Object.keys(pkg.dependencies ?? {}), ...OPTIONAL_RUNTIMES].filter(
    (n) => !INLINED.includes(n),
  );
  return [...names, ...names.map((n) => `${n}/*`), 'node:*'];
}

/** The package a node_modules path belongs to ("node_modules/@a/b/x.js" -> "@a/b"). */
function packageOf(path: string): string {
  const rest = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length).split('/');
  return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
}

/**
 * Builds the bundle of src/cli/main.ts into `root/dir` (code-split along the CLI's lazy imports) and
 * records what it was built from. `dir` must lie inside `root`, so that the bundle finds node_modules.
 * Returns the number of output files.
 */
export async function buildCli(root = ROOT, dir = BUNDLE_DIR): Promise<number> {
  const { build } = await import('esbuild');
  const outdir = join(root, dir);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    external: externals(root),
    // CommonJS packages inlined into ESM call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __ysRequire } from 'node:module';\nconst require = __ysRequire(import.meta.url);",
    },
    plugins: [
      {
        // zod's namespace object carries every locale (~1.5 MB of the bundle's source); Yardstick's
        // messages are English, so the bundle keeps that one.
        name: 'zod-english-only',
        setup(b) {
          b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
            args.importer.includes(join('node_modules', 'zod'))
              ? { path: 'zod-locales', namespace: 'zod-english-only' }
              : undefined,
          );
          b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
            contents: "export { default as en } from 'zod/v4/locales/en.js';",
            resolveDir: root,
          }));
        },
      },
      {
        // Source files find their neighbours (the catalog, package.json, worker scripts, the sandbox's
        // supervisor) through import.meta.url. In a bundle that URL is the chunk's, so each source's
        // import.meta.url is rewritten to its own location, relative to the bundle folder.
        name: 'source-import-meta-url',
        setup(b) {
          b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
            const text = readFileSync(args.path, 'utf8');
            if (!text.includes('import.meta.url')) return undefined;
            const rel = relative(outdir, args.path).split('\\').join('/');
            const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
            return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
          });
        },
      },
    ],
  });
  const inputs = Object.keys(result.metafile.inputs);
  const sources = inputs.filter((p) => !p.includes('node_modules/'));
  const packages = [...new Set(inputs.filter((p) => p.includes('node_modules/')).map(packageOf))];
  const info = bundleInfo(root, sources, packages);
  writeFileSync(join(outdir, BUNDLE_INFO), `${JSON.stringify(info, null, 1)}\n`);
  return Object.keys(result.metafile.outputs).length;
}

if (import.meta.main) {
  const t0 = performance.now();
  try {
    const files = await buildCli();
    process.stdout.write(
      `built ${join(BUNDLE_DIR, 'main.js')} (${files} files) in ${Math.round(performance.now() - t0)} ms\n`,
    );
  } catch (err) {
    // Without esbuild (an install without dev dependencies) the CLI runs from its sources, only more
    // slowly, so that is no error; a build that fails is one.
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      process.stdout.write('esbuild is not installed: the CLI will run from its TypeScript sources\n');
    } else {
      process.stderr.write(`build-cli: ${(err as Error).message}\n`);
      process.exitCode = 1;
    }
  }
}
