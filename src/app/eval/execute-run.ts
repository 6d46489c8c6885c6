import type { Provider } from '../../adapters/providers/provider.ts';
import { ProviderError } from '../../adapters/providers/provider-error.ts';
import type { RunUsage, Store } from '../../adapters/store/store.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import type { ProgressCounts } from '../../core/engine/progress-math.ts';
import { asScoredSample, type RunSummary, summarizeSamples } from '../../core/engine/summarize-samples.ts';
import { recordRunResults } from './record-run-results.ts';
import { itemTags } from '../../core/compare/item-tags.ts';
import type { RunSpec, SampleRecord } from '../../core/schema/index.ts';
import type { DatasetContext, Item, Task } from '../../core/task/task.ts';
import type { Registry } from '../../registry/registry.ts';
import type { CachedGeneration } from './cached-generation.ts';
import { RequestScheduler } from './request-scheduler.ts';
import { generationFacts, hasNoAnswer, NO_ANSWER } from './sample-facts.ts';
import { schedulerSettings, usedTokens } from './scheduler-settings.ts';
import { SampleWriter } from './sample-writer.ts';
import { sampleKey, type WorkUnit, workUnits } from './work-units.ts';

export interface ExecuteOptions {
  dataset: DatasetContext;
  /** Re-run the samples recorded as errors (all other recorded samples are kept). */
  retryErrors?: boolean;
  /** Read responses from the cache (they are always written to it). */
  useCache?: boolean;
  signal?: AbortSignal;
  onProgress?: (counts: ProgressCounts) => void;
  /** The task and items the run was just planned from (planRun), instead of building them again. */
  prepared?: { task: Task; items: Item[] };
  /** Per-request scheduler settings (tests shorten the backoff). */
  scheduler?: Partial<ConstructorParameters<typeof RequestScheduler>[0]>;
}

export interface RunOutcome {
  spec: RunSpec;
  status: 'finished' | 'interrupted';
  summary: RunSummary;
  /** Requests sent during this execution (cache hits and recorded samples send none). */
  requests: number;
  cacheHits: number;
  elapsedMs: number;
  /** Tokens and finish reasons of the run's samples (truncation shows here). */
  usage?: RunUsage;
}

/** The run's items: the task's dataset, cut to the run's limit. */
export async function runItems(task: Task, spec: RunSpec, ctx: DatasetContext): Promise<Item[]> {
  const items = await task.dataset(ctx);
  return spec.limit === null ? items : items.slice(0, spec.limit);
}

/**
 * Executes (or resumes) a run: every sample not yet recorded is taken from the cache or requested,
 * scored, and streamed to the store with its response. A request that finally fails is recorded with
 * verdict 'error' and is never scored. Ends with the run's summary, computed from the store.
 */
export async function executeRun(
  store: Store,
  registry: Registry,
  spec: RunSpec,
  options: ExecuteOptions,
): Promise<RunOutcome> {
  const started = performance.now();
  const task = options.prepared?.task ?? (await registry.rebuild<Task>(spec.task)).value;
  const provider = (await registry.rebuild<Provider>(spec.provider)).value;
  const writer = new SampleWriter(store);
  const counts: ProgressCounts = {
    done: 0,
    resumed: 0,
    total: 0,
    errors: 0,
    cached: 0,
    requests: 0,
    tokens: 0,
  };
  let aborted = false;
  // Stops every worker at once: on the caller's signal, or on the first error that ends the run.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  let fatal: unknown = null;
  const halt = (err: unknown) => {
    fatal ??= err;
    stop.abort();
  };
  const stopped = () => {
    if (options.signal?.aborted) aborted = true;
    return signal.aborted;
  };
  try {
    await store.setRunStatus(spec.id, 'running');
    const items = options.prepared?.items ?? (await runItems(task, spec, options.dataset));
    const skip = new Set<string>();
    for (const s of await store.sampleStates(spec.id)) {
      if (s.verdict !== 'error' || !options.retryErrors) skip.add(sampleKey(s.itemId, s.sampleIndex));
    }
    counts.total = items.length * spec.samples;
    counts.done = skip.size;
    counts.resumed = skip.size;
    const scheduler = new RequestScheduler({
      ...schedulerSettings(spec, (notice) => {
        counts.waiting = notice;
        options.onProgress?.(counts);
      }),
      ...options.scheduler,
    });
    const units = workUnits(
      spec,
      items,
      task.prompt,
      skip,
      { provider: provider.name, endpoint: provider.endpoint, model: provider.model },
      options.useCache === false ? null : store,
    );
    const one = async (unit: WorkUnit) => {
      let generation: CachedGeneration | null = unit.cached;
      let error: string | null = null;
      if (generation) {
        counts.cached++;
      } else {
        try {
          counts.requests++;
          const res = await scheduler.run(
            () =>
              provider.generate({
                messages: unit.messages,
                generation: spec.generation,
                n: 1,
                seed: unit.seed,
                signal,
              }),
            signal,
            usedTokens,
          );
          generation = res.value;
        } catch (err) {
          if (stopped()) return;
          if (!(err instanceof ProviderError)) throw err;
          if (err.kind === 'auth') {
            const keyEnv = spec.provider.args.apiKeyEnv;
            throw new UserError(
              `${err.message}: the server refused the credentials${typeof keyEnv === 'string' ? ` (check $${keyEnv})` : ''}; resume with yardstick eval --resume ${spec.id}`,
              EXIT.failure,
            );
          }
          error = err.message;
        }
      }
      const sample = await toSample(spec, task, unit, generation, error);
      const response =
        generation && !unit.cached
          ? {
              key: unit.key,
              provider: provider.name,
              endpoint: provider.endpoint,
              model: provider.model,
              response: generation,
              createdAt: sample.createdAt,
            }
          : null;
      await writer.add(sample, response);
      counts.done++;
      if (sample.verdict === 'error') counts.errors++;
      counts.tokens += (sample.promptTokens ?? 0) + (sample.completionTokens ?? 0);
      options.onProgress?.(counts);
    };
    const worker = async () => {
      for (;;) {
        if (stopped()) return;
        try {
          const next = await units.next();
          if (next.done) return;
          await one(next.value);
        } catch (err) {
          halt(err);
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: spec.concurrency }, worker));
    if (fatal) throw fatal;
    await writer.flush();
    const status = aborted ? 'interrupted' : 'finished';
    await store.setRunStatus(spec.id, status);
    const summary = await summarizeRun(store, spec.id, task);
    if (status === 'finished') await recordRunResults(store, spec, summary.metrics);
    return {
      spec,
      status,
      summary,
      usage: await store.runUsage(spec.id),
      requests: counts.requests,
      cacheHits: counts.cached,
      elapsedMs: performance.now() - started,
    };
  } catch (err) {
    await writer.flush().catch(() => undefined);
    await store.setRunStatus(spec.id, 'failed').catch(() => undefined);
    throw err;
  } finally {
    await provider.close();
  }
}

async function toSample(
  spec: RunSpec,
  task: Task,
  unit: WorkUnit,
  generation: CachedGeneration | null,
  error: string | null,
): Promise<SampleRecord> {
  const base = {
    runId: spec.id,
    itemId: unit.item.id,
    sampleIndex: unit.sampleIndex,
    messages: unit.messages,
    scorerVersion: task.scorerVersion,
    target: unit.item.target,
    tags: itemTags(unit.item),
    scoring: null,
    createdAt: new Date().toISOString(),
  };
  const completion = generation?.completions[0];
  if (!generation || !completion) {
    return {
      ...base,
      response: null,
      reasoning: null,
      extracted: null,
      verdict: 'error',
      score: null,
      promptTokens: null,
      completionTokens: null,
      latencyMs: null,
      finishReason: 'error',
      error: error ?? 'no response',
    };
  }
  const tokens = {
    response: completion.text,
    reasoning: completion.reasoning,
    promptTokens: generation.promptTokens,
    completionTokens: generation.completionTokens,
    ...generationFacts(generation),
    latencyMs: generation.latencyMs,
  };
  // Thinking that never closed has no answer: never scored on its trace.
  if (hasNoAnswer(completion)) return { ...base, ...tokens, ...NO_ANSWER, error: null };
  try {
    const score = await task.scorer(completion, unit.item);
    return {
      ...base,
      ...tokens,
      extracted: score.extracted,
      verdict: score.verdict,
      score: score.value,
      scoring: score.scoring ?? null,
      error: score.error ?? null,
    };
  } catch (err) {
    return {
      ...base,
      ...tokens,
      extracted: null,
      verdict: 'error',
      score: null,
      error: `scorer failed: ${(err as Error).message}`,
    };
  }
}

/** Applies the task's metrics to the run's recorded samples, read back from the store. */
export async function summarizeRun(store: Store, runId: string, task: Task): Promise<RunSummary> {
  const scored = (await store.sampleStates(runId)).map(asScoredSample);
  return summarizeSamples(scored, task.metrics);
}
