import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { fnv1aHex } from '../../core/format/fnv1a-hex.ts';
import { ACTIVE, type RunProgress, runProgress } from '../../app/queries/run-progress.ts';
import { parseQuery } from '../parse-query.ts';
import { listField } from '../query-fields.ts';
import type { ServerDeps } from '../server-deps.ts';

const ProgressQuery = z.object({ run: listField });

/**
 * GET /api/progress[?run=ID,...]: Server-Sent Events, one `progress` event whenever the status or
 * counts of the runs watched change (the named runs, or every running run), looked at every
 * `progressIntervalMs`, so at most 1000 / interval events a second. Counts only. The event id is a
 * digest of the data: a client reconnecting with Last-Event-ID gets no event until something changes.
 * The stream ends once every named run has left `running`.
 */
export function progressRoutes({ store, progressIntervalMs }: ServerDeps): Hono {
  return new Hono().get('/', (c) => {
    const { run } = parseQuery(c, ProgressQuery);
    let last = c.req.header('last-event-id') ?? null;
    return streamSSE(
      c,
      async (stream) => {
        await stream.writeSSE({ event: 'hello', data: '{}', retry: 1000 });
        const watched = new Set<string>(run);
        while (!stream.aborted && !stream.closed) {
          const now: RunProgress[] = await runProgress(store, run.length ? run : []);
          if (!run.length) for (const p of now) watched.add(p.runId);
          // Runs that stopped running since the last look are reported once more, with their end state.
          const stopped = run.length ? [] : [...watched].filter((id) => !now.some((p) => p.runId === id));
          const ended = stopped.length ? await runProgress(store, stopped) : [];
          for (const p of ended) watched.delete(p.runId);
          const data = JSON.stringify([...now, ...ended]);
          const id = fnv1aHex(data);
          if (id !== last) {
            await stream.writeSSE({ event: 'progress', id, data });
            last = id;
          }
          if (run.length && now.every((p) => !ACTIVE.has(p.status))) break;
          await stream.sleep(progressIntervalMs);
        }
      },
      async () => {
        // The client went away or the store closed: the stream just ends.
      },
    );
  });
}
