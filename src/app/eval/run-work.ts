import { ProviderError } from '../../adapters/providers/provider-error.ts';
import type { Store } from '../../adapters/store/store.ts';
import {
  type BreakerPolicy,
  type BreakerState,
  closedBreaker,
  DEFAULT_BREAKER,
  recordRequest,
} from '../../core/engine/circuit-breaker.ts';
import type { ProgressCounts } from '../../core/engine/progress-math.ts';
import { type CachedGeneration, responseEntry } from './cached-generation.ts';
import { EndpointError, endpointCause, endpointMessage } from './endpoint-failure.ts';
import { type Execution, runCounts } from './prepare-execution.ts';
import { RequestScheduler, type SchedulerOptions } from './request-scheduler.ts';
import { probedRequests } from './probed-requests.ts';
import { schedulerSettings } from './scheduler-settings.ts';
import { SampleWriter } from './sample-writer.ts';
import { toSample } from './to-sample.ts';
import type { WorkUnit } from './work-units.ts';

export interface WorkOptions {
  signal?: AbortSignal;
  onProgress?: (counts: ProgressCounts) => void;
  scheduler?: Partial<SchedulerOptions>;
  breaker?: Partial<BreakerPolicy>;
  /** How often the owner writes its heartbeat and counts. */
  heartbeatMs?: number;
}

export interface WorkResult {
  /** The caller's signal stopped the work (Ctrl-C, SIGTERM). */
  aborted: boolean;
}

/**
 * The work of one execution: a pool of `concurrency` workers pulls units, takes each response from
 * the cache or the model, scores it and streams it to the store, writing a heartbeat meanwhile.
 * The first request is a probe, sent unretried: an endpoint that refuses it (connection, DNS, TLS,
 * credentials, unknown model) ends the run at once with an EndpointError, as does any request that
 * fails for such a cause; such failures are never recorded as samples. A circuit breaker ends the
 * run the same way when requests keep failing.
 */
export async function runWork(store: Store, ex: Execution, o: WorkOptions): Promise<WorkResult> {
  const { spec, task, provider, counts } = ex;
  const writer = new SampleWriter(store);
  const stop = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, stop.signal]) : stop.signal;
  let fatal: unknown = null;
  const halt = (err: unknown) => {
    fatal ??= err;
    stop.abort();
  };
  const policy = { ...DEFAULT_BREAKER, ...o.breaker };
  let breaker: BreakerState = closedBreaker;
  const scheduler = new RequestScheduler({
    ...schedulerSettings(spec, (notice) => {
      counts.waiting = notice;
      o.onProgress?.(counts);
    }),
    concurrency: ex.concurrency,
    ...o.scheduler,
  });
  const request = probedRequests(spec, provider, scheduler, signal);

  const one = async (unit: WorkUnit) => {
    let generation: CachedGeneration | null = unit.cached;
    let error: string | null = null;
    if (generation) {
      counts.cached++;
    } else {
      try {
        counts.requests++;
        generation = await request(unit);
      } catch (err) {
        if (signal.aborted) return;
        if (!(err instanceof ProviderError)) throw err;
        const cause = endpointCause(err, spec);
        if (cause) throw new EndpointError(endpointMessage(spec, cause));
        error = err.message;
      }
      breaker = recordRequest(breaker, error, policy);
    }
    const sample = await toSample(spec, task, unit, generation, error);
    const response =
      generation && !unit.cached ? responseEntry(unit, provider, generation, sample.createdAt) : null;
    await writer.add(sample, response);
    counts.done++;
    if (sample.verdict === 'error') counts.errors++;
    counts.tokens += (sample.promptTokens ?? 0) + (sample.completionTokens ?? 0);
    o.onProgress?.(counts);
    if (breaker.tripped)
      throw new EndpointError(
        `stopped at ${spec.endpoint ?? spec.provider.name} (${spec.model}): ${breaker.tripped}; run ${spec.id} recorded as failed, retry with yardstick eval --resume ${spec.id} --retry-errors`,
      );
  };
  const worker = async () => {
    for (;;) {
      if (signal.aborted) return;
      try {
        const next = await ex.units.next();
        if (next.done) return;
        await one(next.value);
      } catch (err) {
        halt(err);
        return;
      }
    }
  };
  const beat = setInterval(() => {
    void ex.lifecycle.heartbeat(runCounts(counts)).catch(() => undefined);
  }, o.heartbeatMs ?? 5000);
  beat.unref();
  try {
    await Promise.all(Array.from({ length: ex.concurrency }, worker));
  } finally {
    clearInterval(beat);
    await writer.flush().catch((err) => halt(err));
  }
  if (fatal) throw fatal;
  return { aborted: Boolean(o.signal?.aborted) };
}
