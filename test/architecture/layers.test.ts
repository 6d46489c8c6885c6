import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

/** Every relative or node: import of each source file under `dir`, with the file it is in. */
function importsUnder(dir: string): { file: string; spec: string }[] {
  return globSync(`src/${dir}/**/*.ts`).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'([^']+)'/g)].map((m) => ({
      file,
      spec: m[1]!,
    })),
  );
}

const offending = (dir: string, bad: RegExp) =>
  importsUnder(dir)
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
