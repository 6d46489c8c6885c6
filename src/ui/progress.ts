import { useEffect, useState } from 'preact/hooks';
import type { RunProgress } from '../app/queries/run-progress.ts';
import { isBundle } from './api.ts';

/**
 * Live status and counts of runs from the server's progress stream (every running run, or the ones
 * named), keyed by run id. The browser's EventSource reconnects by itself, sending Last-Event-ID.
 */
export function useProgress(runIds: string[] = []): Map<string, RunProgress> {
  const [progress, setProgress] = useState(() => new Map<string, RunProgress>());
  const key = runIds.join(',');
  useEffect(() => {
    if (isBundle()) return;
    const url = key ? `/api/progress?run=${encodeURIComponent(key)}` : '/api/progress';
    const source = new EventSource(url);
    source.addEventListener('progress', (e) => {
      const items = JSON.parse((e as MessageEvent<string>).data) as RunProgress[];
      setProgress((old) => {
        const next = new Map(old);
        for (const p of items) next.set(p.runId, p);
        return next;
      });
    });
    return () => source.close();
  }, [key]);
  return progress;
}
