import type { RunUsage, Store } from '../../adapters/store/store.ts';
import type { ErrorCause } from '../../core/engine/error-causes.ts';
import { asScoredSample, type RunSummary, summarizeSamples } from '../../core/engine/summarize-samples.ts';
import type { RunSpec } from '../../core/schema/index.ts';
import type { Task } from '../../core/task/task.ts';
import type { Registry } from '../../registry/registry.ts';
import { runErrorCauses } from '../queries/run-error-causes.ts';
import { RunLifecycle } from '../runs/run-lifecycle.ts';
import { type Execution, type PrepareOptions, prepareExecution, runCounts } from './prepare-execution.ts';
import { recordRunResults } from './record-run-results.ts';
import { runWork, type WorkOptions } from './run-work.ts';

export { runItems } from './prepare-execution.ts';

export interface ExecuteOptions extends PrepareOptions, WorkOptions {
  /** The process owning the run (default: this process, `pid@host`). */
  owner?: string;
}

export interface RunOutcome {
  spec: RunSpec;
  status: 'finished' | 'interrupted';
  summary: RunSummary;
  /** The run's error samples by cause (empty when none). */
  errorCauses: ErrorCause[];
  /** Requests sent during this execution (cache hits and recorded samples send none). */
  requests: number;
  cacheHits: number;
  elapsedMs: number;
  /** Tokens and finish reasons of the run's samples (truncation shows here). */
  usage?: RunUsage;
}

/**
 * Executes (or resumes) a run in three steps: planning (claim the run, build task and provider, lay
 * out the samples not yet recorded), work (request, score, stream to the store), and finishing (the
 * summary from the store, the run's result, its final status). Every path out ends the run with a
 * status: `finished`, `interrupted` (the caller's signal) or `failed` with the error as its reason.
 */
export async function executeRun(
  store: Store,
  registry: Registry,
  spec: RunSpec,
  options: ExecuteOptions,
): Promise<RunOutcome> {
  const started = performance.now();
  const lifecycle = new RunLifecycle(store, spec.id, options.owner);
  let ex: Execution | null = null;
  try {
    ex = await prepareExecution(store, registry, spec, lifecycle, options);
    const work = await runWork(store, ex, options);
    return await finishExecution(store, ex, work.aborted, started);
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
    await lifecycle.fail(reason, ex ? runCounts(ex.counts) : undefined).catch(() => undefined);
    throw err;
  } finally {
    await ex?.close();
  }
}

/** Finishing: the summary and error causes read back from the store, the result, the final status. */
async function finishExecution(
  store: Store,
  ex: Execution,
  aborted: boolean,
  started: number,
): Promise<RunOutcome> {
  const { spec, counts } = ex;
  const summary = await summarizeRun(store, spec.id, ex.task);
  const errorCauses = summary.errors ? await runErrorCauses(store, spec.id) : [];
  const status = aborted ? 'interrupted' : 'finished';
  if (status === 'finished') {
    await recordRunResults(store, spec, summary.metrics);
    await ex.lifecycle.finish(runCounts(counts));
  } else {
    await ex.lifecycle.interrupt(runCounts(counts));
  }
  return {
    spec,
    status,
    summary,
    errorCauses,
    usage: await store.runUsage(spec.id),
    requests: counts.requests,
    cacheHits: counts.cached,
    elapsedMs: performance.now() - started,
  };
}

/** Applies the task's metrics to the run's recorded samples, read back from the store. */
export async function summarizeRun(store: Store, runId: string, task: Task): Promise<RunSummary> {
  const scored = (await store.sampleStates(runId)).map(asScoredSample);
  return summarizeSamples(scored, task.metrics);
}
