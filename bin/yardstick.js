#!/usr/bin/env node
// Entry point for `npx yardstick` / `npm link`: the CLI is TypeScript run by Node 24's type stripping.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(`yardstick: Node ${process.versions.node} is too old; Node 24 or newer is required.`);
  process.exit(2);
}
// Cache compiled modules across runs: start-up is a visible share of short commands.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
// The bundle (dist/cli, built by scripts/build-cli.ts) replaces ~500 module files with a few chunks and
// starts 65-80 ms sooner; it is used only while it matches the sources. YARDSTICK_FROM_SOURCE=1 skips it.
const { bundleStaleness } = await import('../src/cli/bundle/bundle-info.ts');
const { fileURLToPath } = await import('node:url');
const stale =
  process.env.YARDSTICK_FROM_SOURCE === '1'
    ? 'YARDSTICK_FROM_SOURCE=1'
    : bundleStaleness(fileURLToPath(new URL('..', import.meta.url)));
const debug = process.argv.includes('--debug');
if (stale === null) {
  if (debug) process.setSourceMapsEnabled(true);
  await import('../dist/cli/main.js');
} else {
  if (debug) console.error(`yardstick: running from source (${stale}; npm run build makes the bundle)`);
  await import('../src/cli/main.ts');
}
