import { fnv1aHex } from './fnv1a-hex.ts';

/** An API path with its query parameters sorted, so that one request has one spelling. */
export function canonicalApiPath(apiPath: string): string {
  const q = apiPath.indexOf('?');
  if (q < 0) return apiPath;
  const params = [...new URLSearchParams(apiPath.slice(q + 1))].sort(
    ([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y),
  );
  const query = new URLSearchParams(params).toString();
  return query ? `${apiPath.slice(0, q)}?${query}` : apiPath.slice(0, q);
}

/**
 * The file under data/ of a static dashboard copy that holds the answer to an API path: a script
 * that stores it in `window.__YARDSTICK_DATA__` under the canonical path.
 */
export function bundleDataFile(apiPath: string): string {
  return `${fnv1aHex(canonicalApiPath(apiPath))}.js`;
}
