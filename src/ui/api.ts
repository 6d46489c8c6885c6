import { queryString } from './route.ts';
import { bundleDataFile, canonicalApiPath } from '../core/format/bundle-data-file.ts';

/**
 * Reads the JSON API. In a `serve --bundle` copy opened from file:// there is no server: each answer
 * is a script file under data/ that registers itself in `window.__YARDSTICK_DATA__` (fetch cannot
 * read file:// URLs, scripts can).
 */
declare global {
  interface Window {
    __YARDSTICK_BUNDLE__?: boolean;
    __YARDSTICK_DATA__?: Record<string, unknown>;
  }
}

export const isBundle = () => typeof window !== 'undefined' && window.__YARDSTICK_BUNDLE__ === true;

function loadBundled(apiPath: string): Promise<unknown> {
  const path = canonicalApiPath(apiPath);
  window.__YARDSTICK_DATA__ = window.__YARDSTICK_DATA__ ?? {};
  const data = window.__YARDSTICK_DATA__;
  if (path in data) return Promise.resolve(data[path]);
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = `data/${bundleDataFile(path)}`;
    s.onload = () => (path in data ? resolve(data[path]) : reject(new Error(`not in this copy: ${path}`)));
    s.onerror = () => reject(new Error(`not in this copy: ${path}`));
    document.head.append(s);
  });
}

export class ApiError extends Error {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}

/** GET an API path ("/api/runs?x=1") as JSON; an error answer becomes an ApiError with its message. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  if (isBundle()) return (await loadBundled(path)) as T;
  const res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new ApiError((body as { error?: string }).error ?? res.statusText, res.status);
  return body as T;
}

/** An API path with its query; empty values are left out. */
export function apiPath(
  path: string,
  params: Record<string, string | number | null | undefined> = {},
): string {
  const q = queryString(params);
  return q ? `${path}?${q}` : path;
}
