import type { Command } from 'commander';
import { datasetContext, loadSettings } from '../../adapters/settings/settings.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { RunOutcome } from '../../app/eval/execute-run.ts';
import { loadPriceTable } from '../../app/eval/load-price-table.ts';
import type { EvalRequest } from '../../app/eval/plan-eval.ts';
import { runEval } from '../../app/eval/run-eval.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { didYouMean } from '../../core/format/did-you-mean.ts';
import { builtinRegistry } from '../../registry/builtin.ts';
import type { EvalFlags } from '../commands/eval.ts';
import { ProgressDisplay } from '../progress/progress-display.ts';
import { toolVersion } from '../tool-version.ts';
import { withStore } from '../with-store.ts';
import { errorSummary, resultsTable } from './results-table.ts';
import { runLimitsOf } from './run-limit-flags.ts';
import { truncationWarnings } from './truncation-warnings.ts';

/** The request `yardstick eval` flags stand for. */
export function evalRequest(suite: string | undefined, f: EvalFlags): EvalRequest {
  return {
    suite,
    models: f.model,
    benchmarks: f.benchmark,
    limit: f.limit,
    samples: f.samples,
    concurrency: f.concurrency,
    temperature: f.temperature,
    topP: f.topP,
    maxTokens: f.maxTokens,
    seed: f.seed,
    apiKeyEnv: f.apiKeyEnv,
    modelId: f.modelId,
    extraBody: f.extraBody,
    timeoutMs: f.timeout,
    resume: f.resume,
    baseUrl: f.baseUrl,
    baseUrlEnv: f.baseUrlEnv,
    retryErrors: f.retryErrors,
    useCache: f.cache,
    taskArgs: f.taskArg,
    unsafeLocal: f.unsafeLocal,
    recipe: f.recipe,
    condition: f.condition,
    baseline: f.baseline,
    limits: runLimitsOf(f),
  };
}

/** A --model-id that no card has but one is close to is likely a typo: say so before anything runs. */
async function warnOfNearModelId(store: Store, id: string): Promise<void> {
  const cards = (await store.models()).map((m) => m.id);
  const guess = cards.includes(id) ? undefined : didYouMean(id, cards);
  if (guess)
    process.stderr.write(
      `yardstick: warning: no model card "${id}" (did you mean ${guess}?); the run is recorded as "${id}"\n`,
    );
}

/** `yardstick eval`: turns flags into a request, shows progress, and ends with results and errors. */
export async function runEvalCommand(
  suite: string | undefined,
  flags: EvalFlags,
  cmd: Command,
): Promise<void> {
  if (flags.unsafeLocal)
    process.stderr.write(
      "yardstick: warning: --unsafe-local runs model-written code WITHOUT the sandbox, with your user's rights\n",
    );
  const settings = loadSettings({ dataDir: flags.dataDir });
  // A bad price table is refused before anything runs, not after the run it would have priced.
  const prices = await loadPriceTable(flags.prices);
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const progress = new ProgressDisplay(flags.progress, process.stderr, settings.progressLineMs);
  let outcomes: RunOutcome[] = [];
  try {
    outcomes = await withStore(cmd, async (store: Store) => {
      if (flags.modelId && !flags.resume) await warnOfNearModelId(store, flags.modelId);
      return runEval(
        store,
        builtinRegistry(),
        evalRequest(suite, flags),
        {
          dataset: datasetContext(settings),
          toolVersion: toolVersion(),
          execute: { heartbeatMs: settings.heartbeatMs },
        },
        {
          signal: abort.signal,
          onRunStart: (spec, resumed) =>
            progress.start(spec.id, `${spec.model} / ${spec.benchmark}`, resumed, spec.model, spec.benchmark),
          onProgress: (c) => progress.update(c),
          onRunEnd: (o) => {
            progress.finish();
            progress.event({
              event: 'run-end',
              run: o.spec.id,
              status: o.status,
              samples: o.summary.samples,
              errors: o.summary.errors,
              metrics: o.summary.metrics.map(({ name, value, stderr, n, k }) => ({
                name,
                value,
                stderr,
                n,
                k,
              })),
            });
          },
        },
      );
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (outcomes.length) process.stdout.write(`${resultsTable(outcomes, prices)}\n`);
  for (const w of truncationWarnings(outcomes)) process.stderr.write(`yardstick: warning: ${w}\n`);
  const interrupted = outcomes.find((o) => o.status === 'interrupted');
  if (interrupted) {
    process.stderr.write(`interrupted: continue with yardstick eval --resume ${interrupted.spec.id}\n`);
    process.exitCode = EXIT.failure;
    return;
  }
  const summary = errorSummary(outcomes);
  if (summary) process.stderr.write(summary);
  const samples = outcomes.reduce((n, o) => n + o.summary.samples, 0);
  const errors = outcomes.reduce((n, o) => n + o.summary.errors, 0);
  const allowed = flags.maxErrorRate ?? 0;
  if (errors && errors / Math.max(1, samples) > allowed) {
    const ids = outcomes.filter((o) => o.summary.errors).map((o) => o.spec.id);
    throw new UserError(
      `${errors} of ${samples} samples ended as errors (allowed: ${(allowed * 100).toFixed(1)}%, --max-error-rate); retry them with yardstick eval --resume ${ids[0]} --retry-errors`,
      EXIT.sampleErrors,
    );
  }
}
