import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { startFakeServer } from '../adapters/providers/fake-model-server.ts';
import { buildCli } from '../../scripts/build-cli.ts';
import { bundleStaleness } from '../../src/cli/bundle/bundle-info.ts';

// The bundle must lie inside the project to find node_modules, so it is built under test/.artifacts.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
mkdirSync(join(ROOT, 'test', '.artifacts'), { recursive: true });
const out = mkdtempSync(join(ROOT, 'test', '.artifacts', 'bundle-'));
const dir = relative(ROOT, out);
const work = mkdtempSync(join(tmpdir(), 'ys-bundle-run-'));
after(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const argv = (args: string[]) => [join(out, 'main.js'), '--store', join(work, 'store.db'), ...args];
const options = { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 } as const;
const run = (args: string[]) => spawnSync(process.execPath, argv(args), options);

before(async () => {
  await buildCli(ROOT, dir);
});

test('the bundle records its sources and is up to date right after the build', () => {
  assert.equal(bundleStaleness(ROOT, dir), null);
});

test('the bundled CLI finds the files its sources locate by import.meta.url (catalog, package.json)', () => {
  const catalog = run(['catalog', 'list']);
  assert.equal(catalog.status, 0, catalog.stderr);
  assert.match(catalog.stdout, /fig1/);
  const loaded = run(['catalog', 'load']);
  assert.equal(loaded.status, 0, loaded.stderr);
  const results = run(['results', '--benchmark', 'livecodebench-v5', '--json']);
  assert.equal(results.status, 0, results.stderr);
  assert.equal((JSON.parse(results.stdout) as unknown[]).length, 12);
});

test('the bundled CLI runs an evaluation end to end and records the tool version', async () => {
  const server = await startFakeServer({}, 0, false);
  try {
    // Asynchronous: the model server runs in this process and must keep answering.
    const r = await promisify(execFile)(
      process.execPath,
      argv(['eval', '-m', `openai:fake@${server.url}`, '-b', 'arithmetic', '--limit', '5']),
      options,
    );
    assert.match(r.stdout, /5\s+0\s+accuracy.*finished/);
    const runs = run(['runs', '--json']);
    assert.equal(runs.status, 0, runs.stderr);
    assert.match(runs.stdout, /"toolVersion":\s*"\d+\.\d+\.\d+"/);
  } finally {
    await server.close();
  }
});
