import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** One keyset page: its rows and the cursor of the page after (null at the end). */
export interface KeysetPage<T> {
  rows: T[];
  next: string | null;
}

/**
 * Rows loaded a keyset page at a time: the first page when `key` changes (none while `fetchPage` is
 * null), the next one on `more()`. An answer for an older key is dropped.
 */
export function useKeysetRows<T>(
  fetchPage: ((after: string | null) => Promise<KeysetPage<T>>) | null,
  key: string,
) {
  const [rows, setRows] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const loading = useRef(false);
  const generation = useRef(0);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;
  const on = fetchPage !== null;
  const load = useCallback(async (after: string | null, gen: number) => {
    if (loading.current || !fetcher.current) return;
    loading.current = true;
    try {
      const page = await fetcher.current(after);
      if (gen !== generation.current) return;
      setRows((old) => (after === null ? page.rows : [...old, ...page.rows]));
      setNext(page.next);
      setDone(page.next === null);
    } catch (e) {
      if (gen === generation.current) setError((e as Error).message);
    } finally {
      loading.current = false;
    }
  }, []);
  useEffect(() => {
    const gen = ++generation.current;
    loading.current = false;
    setRows([]);
    setNext(null);
    setDone(!on);
    setError(null);
    if (on) load(null, gen);
  }, [key, on, load]);
  const more = useCallback(() => {
    if (on && !done && next !== null) load(next, generation.current);
  }, [on, done, next, load]);
  return { rows, done, error, more };
}
