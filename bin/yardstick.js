#!/usr/bin/env node
// Entry point for `npx yardstick` / `npm link`: the CLI is TypeScript run by Node 24's type stripping.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(`yardstick: Node ${process.versions.node} is too old; Node 24 or newer is required.`);
  process.exit(2);
}
// Cache compiled (type-stripped) modules across runs: start-up is a visible share of short commands.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
await import('../src/cli/main.ts');
