import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api.ts';
import { parseRoute, type Route } from './route.ts';

/** The current route; follows the location hash. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

export interface Loaded<T> {
  data: T | null;
  error: string | null;
}

/** GETs an API path whenever it changes; a newer request cancels the older. */
export function useJson<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null });
  useEffect(() => {
    if (path === null) return;
    const ctl = new AbortController();
    setState((s) => ({ data: s.data, error: null }));
    getJson<T>(path, ctl.signal).then(
      (data) => setState({ data, error: null }),
      (e: Error) => {
        if (!ctl.signal.aborted) setState({ data: null, error: e.message });
      },
    );
    return () => ctl.abort();
  }, [path]);
  return state;
}
