import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { DEFAULTS } from '../../core/settings/defaults.ts';
import type { DatasetContext } from '../../core/task/task.ts';

export const DEFAULT_STORE = './.yardstick/yardstick.db';

const positive = z.coerce.number().int().positive();

/**
 * Every setting that is not a command's own flag, read in one place: the store, the dataset mirror
 * folder and download cache, offline mode, and the defaults of core/settings/defaults.ts. A flag wins
 * over the environment, which wins over the default.
 */
export const Settings = z.object({
  /** SQLite file or postgres:// URL (--store, $YARDSTICK_STORE). */
  store: z.string().min(1),
  /** Mirror folder of benchmark datasets, searched first (--data-dir, $YARDSTICK_DATA_DIR). */
  dataDir: z.string().nullable(),
  /** Download cache of datasets ($YARDSTICK_CACHE_DIR, else $XDG_CACHE_HOME/yardstick/datasets). */
  cacheDir: z.string().min(1),
  /** No downloads ($YARDSTICK_OFFLINE=1). */
  offline: z.boolean(),
  concurrency: positive,
  heartbeatMs: positive,
  staleMs: positive,
  progressLineMs: positive,
});
export type Settings = z.infer<typeof Settings>;

export interface SettingFlags {
  store?: string;
  dataDir?: string;
}

/** The settings from flags, then the environment, then the defaults. */
export function loadSettings(flags: SettingFlags = {}, env: NodeJS.ProcessEnv = process.env): Settings {
  const r = Settings.safeParse({
    store: flags.store || env.YARDSTICK_STORE || DEFAULT_STORE,
    dataDir: flags.dataDir || env.YARDSTICK_DATA_DIR || null,
    cacheDir:
      env.YARDSTICK_CACHE_DIR ||
      join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'yardstick', 'datasets'),
    offline: ['1', 'true', 'yes'].includes((env.YARDSTICK_OFFLINE ?? '').toLowerCase()),
    concurrency: env.YARDSTICK_CONCURRENCY || DEFAULTS.concurrency,
    heartbeatMs: env.YARDSTICK_HEARTBEAT_MS || DEFAULTS.heartbeatMs,
    staleMs: env.YARDSTICK_STALE_MS || DEFAULTS.staleMs,
    progressLineMs: env.YARDSTICK_PROGRESS_MS || DEFAULTS.progressLineMs,
  });
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new UserError(`setting ${issue.path.join('.')}: ${issue.message}`, EXIT.usage);
  }
  return r.data;
}

/** Where datasets come from under these settings. */
export function datasetContext(s: Settings): DatasetContext {
  return { dataDir: s.dataDir, cacheDir: s.cacheDir, online: !s.offline };
}
