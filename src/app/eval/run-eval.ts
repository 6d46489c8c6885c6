import type { Store } from '../../adapters/store/store.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import type { ProgressCounts } from '../../core/engine/progress-math.ts';
import type { RunSpec } from '../../core/schema/index.ts';
import type { DatasetContext } from '../../core/task/task.ts';
import type { Registry } from '../../registry/registry.ts';
import { type PlannedRun, planRun } from './create-run.ts';
import { type ExecuteOptions, executeRun, type RunOutcome } from './execute-run.ts';
import { type EvalRequest, planEval } from './plan-eval.ts';
import { recordDeltaResults } from '../evidence/record-delta-results.ts';
import { RunLifecycle } from '../runs/run-lifecycle.ts';
import { RunContext } from './run-context.ts';
import { resumeCredentials } from './resume-credentials.ts';

export interface EvalHooks {
  signal?: AbortSignal;
  /** A run is about to start (or resume). */
  onRunStart?: (spec: RunSpec, resumed: boolean) => void;
  onProgress?: (counts: ProgressCounts) => void;
  /** A run ended (finished or interrupted). */
  onRunEnd?: (outcome: RunOutcome) => void;
}

export interface EvalContext {
  dataset: DatasetContext;
  toolVersion: string;
  /** Execution settings for tests (scheduler backoff, breaker, heartbeat). */
  execute?: Partial<Pick<ExecuteOptions, 'scheduler' | 'breaker' | 'heartbeatMs' | 'owner'>>;
}

/**
 * The use case behind `yardstick eval`: plans the runs a request asks for (suite expansion, or the
 * run to resume and its rules), records new runs as `queued`, then executes them one after another
 * in one run context, whose resources (sandbox executors) are released at the end.
 */
export async function runEval(
  store: Store,
  registry: Registry,
  request: EvalRequest,
  ctx: EvalContext,
  hooks: EvalHooks = {},
): Promise<RunOutcome[]> {
  const specs: RunSpec[] = [];
  let prepared: PlannedRun | null = null;
  if (request.resume) {
    const run = await store.run(request.resume);
    if (!run)
      throw new UserError(
        `no run "${request.resume}" in ${store.location} (see yardstick runs)`,
        EXIT.notFound,
      );
    resumeCredentials(run.spec, request);
    specs.push(run.spec);
  } else {
    if (request.retryErrors) throw new UserError('--retry-errors needs --resume RUN', EXIT.usage);
    if (request.baseUrl !== undefined || request.baseUrlEnv !== undefined)
      throw new UserError(
        '--base-url and --base-url-env go with --resume RUN; a new run takes its base URL in the model spec',
        EXIT.usage,
      );
    for (const o of await planEval(request)) {
      const planned = await planRun(registry, { ...o, toolVersion: ctx.toolVersion }, ctx.dataset);
      // The first run starts at once with what planning loaded; later ones (a suite) load their
      // items when they start, so memory holds one run's items at a time.
      prepared ??= planned;
      specs.push(planned.spec);
    }
    // Recorded only once every run is planned: bad input in any of them leaves the store as it was.
    for (const spec of specs) await store.createRun(spec);
  }
  const outcomes: RunOutcome[] = [];
  const context = new RunContext();
  let started = 0;
  const executeAll = async () => {
    for (const spec of specs) {
      if (hooks.signal?.aborted) break;
      started++;
      hooks.onRunStart?.(spec, Boolean(request.resume));
      // A resume reads the data dir the run recorded, unless one is given.
      const dataset =
        request.resume && spec.dataset
          ? { ...ctx.dataset, dataDir: ctx.dataset.dataDir ?? spec.dataset.dataDir }
          : ctx.dataset;
      const outcome = await executeRun(store, registry, spec, {
        ...ctx.execute,
        dataset,
        retryErrors: request.retryErrors,
        useCache: request.useCache,
        // A resume honours a new --concurrency; new runs were planned with theirs.
        concurrency: request.resume ? request.concurrency : undefined,
        signal: hooks.signal,
        onProgress: hooks.onProgress,
        prepared: prepared?.spec.id === spec.id ? prepared : undefined,
      });
      prepared = null;
      // A run under a condition completes a pair with its baseline (or with runs measured against it).
      if (outcome.status === 'finished' && spec.condition !== null)
        await recordDeltaResults(store, spec.model, spec.benchmark);
      hooks.onRunEnd?.(outcome);
      outcomes.push(outcome);
    }
  };
  try {
    await context.run(executeAll);
  } finally {
    // Runs of this request that never started (an error or a signal stopped it) are not left queued.
    for (const spec of specs.slice(started))
      await new RunLifecycle(store, spec.id).abandon().catch(() => undefined);
    await context.close();
  }
  return outcomes;
}
