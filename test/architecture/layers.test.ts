import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';

/** Every relative or node: import of each source file under `dir`, with the file it is in. */
function importsUnder(dir: string, typeOnly = true): { file: string; spec: string }[] {
  return globSync(`src/${dir}/**/*.{ts,tsx}`).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(import\s+type\s[^;]*?)?(?:from|import\()\s*'([^']+)'/g)]
      .filter((m) => typeOnly || m[1] === undefined)
      .map((m) => ({ file, spec: m[2]! })),
  );
}

const offending = (dir: string, bad: RegExp, typeOnly = true) =>
  importsUnder(dir, typeOnly)
    .filter(({ spec }) => bad.test(spec))
    .map(({ file, spec }) => `${file} imports ${spec}`);

test('core is pure: it imports no adapter, use case, CLI, plug-in, or I/O module', () => {
  assert.deepEqual(
    offending(
      'core',
      /\/(adapters|app|cli|benchmarks|tasks|registry)\/|^node:(fs|fs\/promises|http|https|net|child_process|worker_threads|sqlite)$/,
    ),
    [],
  );
});

test('adapters never import use cases or the CLI', () => {
  assert.deepEqual(offending('adapters', /\/(app|cli)\//), []);
});

test('use cases, benchmarks and tasks never import the CLI', () => {
  assert.deepEqual(
    [...offending('app', /\/cli\//), ...offending('benchmarks', /\/cli\//), ...offending('tasks', /\/cli\//)],
    [],
  );
});

test('the server imports core and use cases only: no adapter directly, never the CLI', () => {
  assert.deepEqual(offending('server', /\/(adapters|cli|benchmarks|tasks|registry|ui)\//), []);
});

test('the CLI reaches the server only through imports inside an action, never the UI', () => {
  assert.deepEqual(offending('cli', /\/ui\//), []);
  assert.ok(
    importsUnder('cli')
      .filter(({ spec }) => spec.includes('/server/'))
      .every(({ file }) => /import\(\s*'[^']*\/server\//.test(readFileSync(file, 'utf8'))),
  );
});

test('the UI runs only its own code, packages and pure core; other project code only as types', () => {
  const outside = importsUnder('ui', false)
    .filter(({ spec }) => spec.startsWith('.'))
    .map(({ file, spec }) => ({ file, spec, path: relative('.', join(dirname(file), spec)) }))
    .filter(({ path }) => !path.startsWith('src/ui/') && !path.startsWith('src/core/'))
    .map(({ file, spec }) => `${file} imports ${spec}`);
  assert.deepEqual(outside, []);
  assert.deepEqual(offending('ui', /^node:|\/(adapters|cli|benchmarks|tasks|registry)\//), []);
  assert.deepEqual(
    [
      ...offending('core', /\/(server|ui)\//),
      ...offending('adapters', /\/(server|ui)\//),
      ...offending('app', /\/(server|ui)\//),
    ],
    [],
  );
});

/** Every import of `pkg` (a package name) in the sources, by file. */
const packageImports = (pkg: string) =>
  globSync('src/**/*.{ts,tsx}').filter((file) =>
    new RegExp(`(?:from|import\\()\\s*'${pkg}(/[^']*)?'`).test(readFileSync(file, 'utf8')),
  );

test('the job queue keeps its layers: pg-boss only in adapters/queue, queue use cases print nothing', () => {
  assert.deepEqual(
    packageImports('pg-boss').filter((f) => !f.startsWith('src/adapters/queue/')),
    [],
  );
  assert.deepEqual(
    [
      ...offending('core/queue', /\/(adapters|app|cli)\/|^node:/),
      ...offending('adapters/queue', /\/(app|cli)\//),
      ...offending('app/queue', /\/cli\//),
    ],
    [],
  );
  const printing = globSync('src/app/queue/**/*.ts').filter((f) =>
    /process\.(stdout|stderr)|console\./.test(readFileSync(f, 'utf8')),
  );
  assert.deepEqual(printing, []);
});
