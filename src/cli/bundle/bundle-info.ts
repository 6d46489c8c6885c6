import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a CLI bundle (dist/cli, built by scripts/build-cli.ts) was built from: each source file's size
 * and modification time, and the version of each package inlined into it. The bundle is used only
 * while all of them still match; otherwise bin/yardstick.js runs the TypeScript sources directly.
 *
 * Checked by hand rather than with zod: this runs before the bundle, where loading zod's modules would
 * cost more than the bundle saves. Any unexpected shape counts as stale.
 */
export interface BundleInfo {
  format: 1;
  /** Project-relative path -> [size in bytes, mtime in ms]. */
  sources: Record<string, [number, number]>;
  /** Inlined package -> its version in node_modules at build time. */
  packages: Record<string, string>;
}

export const BUNDLE_DIR = 'dist/cli';
export const BUNDLE_INFO = 'build-info.json';

/** The size and mtime of a project file, or null when it is missing. */
function stamp(root: string, path: string): [number, number] | null {
  const s = statSync(join(root, path), { throwIfNoEntry: false });
  return s ? [s.size, s.mtimeMs] : null;
}

/** The version of an installed package, or null when it is not installed. */
export function installedVersion(root: string, pkg: string): string | null {
  try {
    const json = JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof json.version === 'string' ? json.version : null;
  } catch {
    return null;
  }
}

/** Records the current state of the given sources and packages. */
export function bundleInfo(root: string, sources: string[], packages: string[]): BundleInfo {
  const info: BundleInfo = { format: 1, sources: {}, packages: {} };
  for (const path of [...sources].sort()) {
    const s = stamp(root, path);
    if (s) info.sources[path] = s;
  }
  for (const pkg of [...packages].sort()) {
    const v = installedVersion(root, pkg);
    if (v) info.packages[pkg] = v;
  }
  return info;
}

/**
 * Why the bundle in `root/dir` cannot be used (a sentence), or null when it is up to date: present,
 * built from sources whose size and mtime are unchanged, with the same package versions installed.
 */
export function bundleStaleness(root: string, dir = BUNDLE_DIR): string | null {
  let info: BundleInfo;
  try {
    info = JSON.parse(readFileSync(join(root, dir, BUNDLE_INFO), 'utf8')) as BundleInfo;
  } catch {
    return 'no bundle has been built';
  }
  if (info?.format !== 1 || typeof info.sources !== 'object' || typeof info.packages !== 'object')
    return 'the bundle was built by another version of the build script';
  if (!stamp(root, join(dir, 'main.js'))) return 'the bundle is incomplete';
  const paths = Object.keys(info.sources);
  if (paths.length === 0) return 'the bundle lists no sources';
  for (const path of paths) {
    const now = stamp(root, path);
    const then = info.sources[path];
    if (!now || !Array.isArray(then) || now[0] !== then[0] || now[1] !== then[1])
      return `${path} changed after the bundle was built`;
  }
  for (const [pkg, version] of Object.entries(info.packages)) {
    if (installedVersion(root, pkg) !== version) return `${pkg} is no longer ${version}`;
  }
  return null;
}
