import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { BUNDLE_DIR, BUNDLE_INFO, bundleInfo, bundleStaleness } from '../../../src/cli/bundle/bundle-info.ts';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A project folder with two sources, one installed package and a bundle built from them. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'ys-bundle-'));
  dirs.push(root);
  mkdirSync(join(root, 'src'), { recursive: true });
  mkdirSync(join(root, 'node_modules', 'zod'), { recursive: true });
  mkdirSync(join(root, BUNDLE_DIR), { recursive: true });
  writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'src', 'b.ts'), 'export const b = 2;\n');
  writeFileSync(join(root, 'node_modules', 'zod', 'package.json'), '{"version":"4.6.7"}');
  writeFileSync(join(root, BUNDLE_DIR, 'main.js'), '');
  const info = bundleInfo(root, ['src/a.ts', 'src/b.ts'], ['zod']);
  writeFileSync(join(root, BUNDLE_DIR, BUNDLE_INFO), JSON.stringify(info));
  return root;
}

test('a bundle built from the current sources and packages is used', () => {
  assert.equal(bundleStaleness(project()), null);
});

test('an edited source makes the bundle stale, even at the same size, and names the file', () => {
  const root = project();
  writeFileSync(join(root, 'src', 'b.ts'), 'export const b = 3;\n');
  utimesSync(join(root, 'src', 'b.ts'), new Date(), new Date(Date.now() + 5000));
  assert.match(bundleStaleness(root) ?? '', /src\/b\.ts changed/);
});

test('a deleted source, an upgraded package, a missing bundle or a foreign info file make it stale', () => {
  let root = project();
  rmSync(join(root, 'src', 'a.ts'));
  assert.match(bundleStaleness(root) ?? '', /src\/a\.ts changed/);

  root = project();
  writeFileSync(join(root, 'node_modules', 'zod', 'package.json'), '{"version":"4.7.0"}');
  assert.match(bundleStaleness(root) ?? '', /zod is no longer 4\.6\.7/);

  root = project();
  rmSync(join(root, BUNDLE_DIR, 'main.js'));
  assert.match(bundleStaleness(root) ?? '', /incomplete/);

  root = project();
  writeFileSync(join(root, BUNDLE_DIR, BUNDLE_INFO), '{"format":2}');
  assert.match(bundleStaleness(root) ?? '', /another version/);

  root = project();
  rmSync(join(root, BUNDLE_DIR), { recursive: true });
  assert.match(bundleStaleness(root) ?? '', /no bundle/);
});
