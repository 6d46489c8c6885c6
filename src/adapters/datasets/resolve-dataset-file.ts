import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import type { DatasetContext } from '../../core/task/task.ts';
import type { DatasetFile } from './dataset-file.ts';
import { resolveUrl } from './dataset-file.ts';
import { downloadVerified, sha256Hex } from './download-verified.ts';
import { datasetContext, loadSettings } from '../settings/settings.ts';

export interface ResolvedFile {
  path: string;
  data: Buffer;
  from: 'local' | 'mirror' | 'cache' | 'download';
}

/** The default dataset context: mirror from $YARDSTICK_DATA_DIR, cache under $YARDSTICK_CACHE_DIR. */
export function defaultDatasetContext(env: NodeJS.ProcessEnv = process.env): DatasetContext {
  return datasetContext(loadSettings({}, env));
}

/** Mirror bases over HTTP ($YARDSTICK_DATASET_MIRROR_URL, comma-separated), tried before the sources. */
function mirrorUrls(file: DatasetFile, env: NodeJS.ProcessEnv): string[] {
  return (env.YARDSTICK_DATASET_MIRROR_URL ?? '')
    .split(',')
    .map((u) => u.trim().replace(/\/+$/, ''))
    .filter(Boolean)
    .map((u) => `${u}/${file.path}`);
}

/**
 * Finds a dataset file: an explicit local file or folder first; then the mirror folder
 * (--data-dir / $YARDSTICK_DATA_DIR) at `file.path` or by its bare name; then the download cache
 * (checksum verified); then, when online, a download from an HTTP mirror or the file's sources,
 * verified against its sha256 and stored in the cache. Offline with no copy: a UserError that says
 * where the file was looked for and where to put it.
 */
export async function resolveDatasetFile(
  file: DatasetFile,
  ctx: DatasetContext,
  local: string | null = null,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ResolvedFile> {
  const looked: string[] = [];
  if (local) {
    const p = existsSync(local) && statSync(local).isDirectory() ? join(local, basename(file.path)) : local;
    if (!existsSync(p)) throw new UserError(`dataset file not found: ${p}`, EXIT.invalidInput);
    return { path: p, data: readFileSync(p), from: 'local' };
  }
  if (ctx.dataDir) {
    for (const p of [join(ctx.dataDir, file.path), join(ctx.dataDir, basename(file.path))]) {
      looked.push(p);
      if (existsSync(p)) return { path: p, data: readFileSync(p), from: 'mirror' };
    }
  }
  const cached = join(ctx.cacheDir, file.path);
  looked.push(cached);
  if (existsSync(cached)) {
    const data = readFileSync(cached);
    if (sha256Hex(data) === file.sha256) return { path: cached, data, from: 'cache' };
  }
  if (!ctx.online) {
    throw new UserError(
      `${file.path}: no local copy and downloads are off (offline). Looked in: ${looked.join(', ')}. ` +
        `Put the file in a mirror folder (--data-dir or YARDSTICK_DATA_DIR) as <dir>/${file.path}.`,
      EXIT.notFound,
    );
  }
  const errors: string[] = [];
  for (const url of [...mirrorUrls(file, env), ...file.urls.map((u) => resolveUrl(u, env))]) {
    try {
      const data = await downloadVerified(url, file.sha256, cached);
      return { path: cached, data, from: 'download' };
    } catch (err) {
      errors.push(`${url}: ${(err as Error).message}`);
    }
  }
  throw new UserError(
    `${file.path}: no local copy (looked in ${looked.join(', ')}) and every download failed: ${errors.join('; ')}`,
    EXIT.notFound,
  );
}
