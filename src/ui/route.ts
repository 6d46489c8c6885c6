/** A view: the page's path segments after `#/` and its parameters. */
export interface Route {
  path: string[];
  params: Record<string, string>;
}

/** Reads a location hash ("#/runs/r1?verdict=error") as a route; empty means the leaderboard. */
export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const q = text.indexOf('?');
  const pathPart = q >= 0 ? text.slice(0, q) : text;
  const query = q >= 0 ? text.slice(q + 1) : '';
  const path = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(query)) params[k] = v;
  return { path: path.length ? path : ['leaderboard'], params };
}

/** A query string of the parameters that have a value, sorted by name, so one view has one URL. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const entries = Object.entries(params)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]): [string, string] => [k, String(v)]);
  return new URLSearchParams(entries).toString();
}

/** The hash of a route; empty parameters are left out and the rest sorted. */
export function routeHash(
  path: string[],
  params: Record<string, string | number | null | undefined> = {},
): string {
  const query = queryString(params);
  return `#/${path.map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}`;
}
