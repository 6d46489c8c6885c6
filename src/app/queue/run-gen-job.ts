import type { JobQueue, QueueJob } from '../../adapters/queue/job-queue.ts';
import { ProviderError } from '../../adapters/providers/provider-error.ts';
import type { CachedResponse, Store } from '../../adapters/store/store.ts';
import type { SampleRecord } from '../../core/schema/index.ts';
import type { ShardJobPayload } from '../../core/schema/queue-job.ts';
import { cachedGeneration, responseEntry } from '../eval/cached-generation.ts';
import { EndpointError, endpointCause, endpointMessage } from '../eval/endpoint-failure.ts';
import { probedRequests } from '../eval/probed-requests.ts';
import { toSample } from '../eval/to-sample.ts';
import type { RunResources } from './run-resources.ts';
import { recordedSamples, shardUnits, unitsToDo } from './shard-units.ts';
import type { Slots } from './slots.ts';

export interface JobContext {
  store: Store;
  queue: JobQueue;
  /** Aborts the job's work (the worker stops without waiting any longer). */
  signal: AbortSignal;
}

export interface GenJobResult {
  /** False when the job was no longer this worker's (cancelled, or redelivered after a lost lease). */
  committed: boolean;
  requests: number;
}

/**
 * A generation job: sends the requests of the shard's units not yet recorded (and not already in the
 * response cache), through the run's request scheduler and the worker's request slots. In one
 * transaction it then writes the responses to the cache, the error samples of requests that finally
 * failed, the shard's scoring job, and its own completion. A request refused for a reason that fails
 * every request (connection, DNS, TLS, credentials, unknown model) throws an EndpointError and writes
 * nothing: the caller fails the run.
 */
export async function runGenJob(
  ctx: JobContext & { slots: Slots },
  r: RunResources,
  job: QueueJob,
  p: ShardJobPayload,
): Promise<GenJobResult> {
  const { spec, task, provider } = r;
  const units = shardUnits(r, p.from, p.to);
  const recorded = await recordedSamples(ctx.store, spec.id, units);
  const todo = unitsToDo(units, recorded, p.retryErrors);
  const cached = await ctx.store.cachedResponses(todo.map((u) => u.key));
  const toSend = todo.filter((u) => !cachedGeneration(cached.get(u.key)));

  const stop = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stop.signal]);
  // The job's first request is a probe: an endpoint that refuses it fails the run at once.
  const request = probedRequests(spec, provider, r.scheduler, signal);

  const responses: CachedResponse[] = [];
  const errors: SampleRecord[] = [];
  let fatal: unknown = null;
  let requests = 0;
  await Promise.all(
    toSend.map(async (unit) => {
      let release: (() => void) | null = null;
      try {
        release = await ctx.slots.take(signal);
        requests++;
        const generation = await request(unit);
        responses.push(responseEntry(unit, provider, generation, new Date().toISOString()));
      } catch (err) {
        const cause = endpointCause(err, spec);
        if (signal.aborted || !(err instanceof ProviderError) || cause) {
          fatal ??= cause ? new EndpointError(endpointMessage(spec, cause)) : err;
          stop.abort();
          return;
        }
        errors.push(await toSample(spec, task, unit, null, err.message));
      } finally {
        release?.();
      }
    }),
  );
  if (fatal) throw fatal;
  ctx.signal.throwIfAborted();
  const committed = await ctx.queue.commit(
    job,
    (trx) => trx.recordSamples(errors, responses, { keepRecorded: true }),
    [{ kind: r.scoreKind, data: { ...p }, priority: p.priority }],
  );
  return { committed, requests };
}
