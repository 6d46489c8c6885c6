import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Store } from '../../adapters/store/store.ts';
import { type NewRunOptions, type PlannedRun, planRun } from '../../app/eval/create-run.ts';
import { EvalSuite } from '../../app/eval/eval-suite.ts';
import { loadPriceTable } from '../../app/eval/load-price-table.ts';
import { withSuiteModel } from '../../app/eval/suite-model.ts';
import { executeRun, type RunOutcome } from '../../app/eval/execute-run.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { didYouMean } from '../../core/format/did-you-mean.ts';
import type { GenerationConfig, RunSpec } from '../../core/schema/index.ts';
import { Slug } from '../../core/schema/ids.ts';
import type { DatasetContext } from '../../core/task/task.ts';
import { builtinRegistry } from '../../registry/builtin.ts';
import type { EvalFlags } from '../commands/eval.ts';
import { ProgressDisplay } from '../progress/progress-display.ts';
import { toolVersion } from '../tool-version.ts';
import { withStore } from '../with-store.ts';
import { resultsTable } from './results-table.ts';
import { runLimitsOf } from './run-limit-flags.ts';
import { truncationWarnings } from './truncation-warnings.ts';

function parseExtraBody(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {}
  throw new UserError('--extra-body must be a JSON object, e.g. \'{"top_k":20}\'', EXIT.usage);
}

/** Task arguments from --task-arg key=value (values are JSON when they parse, text otherwise) and --unsafe-local. */
export function taskArgsOf(f: Pick<EvalFlags, 'taskArg' | 'unsafeLocal'>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const pair of f.taskArg ?? []) {
    const i = pair.indexOf('=');
    if (i <= 0) throw new UserError(`--task-arg expects key=value, got "${pair}"`, EXIT.usage);
    const text = pair.slice(i + 1);
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {}
    args[pair.slice(0, i)] = value;
  }
  if (f.unsafeLocal) args.unsafeLocal = true;
  return args;
}

/** The runs to create: from a suite file, or from --model x --benchmark. */
async function plannedRuns(
  suite: string | undefined,
  f: EvalFlags,
): Promise<Omit<NewRunOptions, 'toolVersion'>[]> {
  if (suite) {
    // The YAML parser loads only for suite files.
    const { parseYamlFile } = await import('../../tasks/yaml/parse-yaml-file.ts');
    const s = parseYamlFile(suite, EvalSuite);
    const generation: Partial<GenerationConfig> = {
      temperature: f.temperature ?? s.temperature,
      topP: f.topP ?? s.topP,
      maxTokens: f.maxTokens ?? s.maxTokens,
      extraBody: { ...s.extraBody, ...parseExtraBody(f.extraBody) },
    };
    const limits = runLimitsOf(f);
    return s.models.flatMap((model) =>
      s.benchmarks.map((benchmark) =>
        withSuiteModel(model, {
          benchmark,
          recipe: f.recipe ?? s.recipe,
          requestLimits: { rpm: s.rpm, tpm: s.tpm, ...limits.requestLimits },
          providerArgs: limits.providerArgs,
          taskArgs: { ...s.taskArgs, ...taskArgsOf(f) },
          apiKeyEnv: f.apiKeyEnv ?? s.apiKeyEnv,
          generation,
          samples: f.samples ?? s.samples,
          limit: f.limit ?? s.limit,
          concurrency: f.concurrency ?? s.concurrency,
          seed: f.seed ?? s.seed,
          timeoutMs: f.timeout,
          condition: f.condition,
          baseline: f.baseline,
        }),
      ),
    );
  }
  if (!f.model?.length || !f.benchmark?.length) {
    throw new UserError('give --model and --benchmark, a suite file, or --resume RUN', EXIT.usage);
  }
  if (f.modelId !== undefined) {
    const id = Slug.safeParse(f.modelId);
    if (!id.success)
      throw new UserError(`--model-id "${f.modelId}": ${id.error.issues[0]!.message}`, EXIT.usage);
  }
  const generation: Partial<GenerationConfig> = {
    ...(f.temperature !== undefined ? { temperature: f.temperature } : {}),
    ...(f.topP !== undefined ? { topP: f.topP } : {}),
    ...(f.maxTokens !== undefined ? { maxTokens: f.maxTokens } : {}),
    extraBody: parseExtraBody(f.extraBody),
  };
  return f.model.flatMap((model) =>
    f.benchmark!.map((benchmark) => ({
      model,
      benchmark,
      taskArgs: taskArgsOf(f),
      apiKeyEnv: f.apiKeyEnv,
      modelId: f.model!.length === 1 ? f.modelId : undefined,
      generation,
      samples: f.samples,
      limit: f.limit ?? null,
      concurrency: f.concurrency,
      seed: f.seed,
      timeoutMs: f.timeout,
      condition: f.condition,
      baseline: f.baseline,
      recipe: f.recipe,
      ...runLimitsOf(f),
    })),
  );
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

/** `yardstick eval`: creates or resumes runs, shows progress on a TTY, and ends with a results table. */
export async function runEvalCommand(
  suite: string | undefined,
  flags: EvalFlags,
  cmd: Command,
): Promise<void> {
  if (flags.unsafeLocal)
    process.stderr.write(
      "yardstick: warning: --unsafe-local runs model-written code WITHOUT the sandbox, with your user's rights\n",
    );
  const registry = builtinRegistry();
  const dataset: DatasetContext = {
    dataDir: flags.dataDir ?? process.env.YARDSTICK_DATA_DIR ?? null,
    cacheDir: process.env.YARDSTICK_CACHE_DIR ?? join(homedir(), '.cache', 'yardstick'),
    online: process.env.YARDSTICK_OFFLINE !== '1',
  };
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const progress = new ProgressDisplay();
  const outcomes: RunOutcome[] = [];
  try {
    await withStore(cmd, async (store: Store) => {
      const specs: RunSpec[] = [];
      let prepared: PlannedRun | null = null;
      if (flags.baseline && !flags.condition)
        throw new UserError(
          '--baseline needs --condition NAME (the condition measured against it)',
          EXIT.usage,
        );
      if (flags.baseline && flags.baseline === flags.condition)
        throw new UserError('--baseline must name a condition other than --condition', EXIT.usage);
      if (flags.resume) {
        const run = await store.run(flags.resume);
        if (!run)
          throw new UserError(
            `no run "${flags.resume}" in ${store.location} (see yardstick runs)`,
            EXIT.notFound,
          );
        specs.push(run.spec);
      } else {
        if (flags.retryErrors) throw new UserError('--retry-errors needs --resume RUN', EXIT.usage);
        if (flags.modelId) await warnOfNearModelId(store, flags.modelId);
        for (const o of await plannedRuns(suite, flags)) {
          const planned = await planRun(registry, { ...o, toolVersion: toolVersion() }, dataset);
          await store.createRun(planned.spec);
          // The first run starts at once with what planning loaded; later ones (a suite) load their
          // items when they start, so memory holds one run's items at a time.
          prepared ??= planned;
          specs.push(planned.spec);
        }
      }
      for (const spec of specs) {
        if (abort.signal.aborted) break;
        progress.start(`${spec.model} / ${spec.benchmark}`);
        if (!process.stderr.isTTY) process.stderr.write(`run ${spec.id}\n`);
        const outcome = await executeRun(store, registry, spec, {
          dataset,
          retryErrors: flags.retryErrors,
          useCache: flags.cache,
          signal: abort.signal,
          onProgress: (c) => progress.update(c),
          prepared: prepared?.spec.id === spec.id ? prepared : undefined,
        });
        prepared = null;
        progress.finish();
        outcomes.push(outcome);
        // A run under a condition completes a pair with its baseline (or with runs measured against it).
        if (outcome.status === 'finished' && spec.condition !== null) {
          const { recordDeltaResults } = await import('../../app/evidence/record-delta-results.ts');
          await recordDeltaResults(store, spec.model, spec.benchmark);
        }
      }
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const prices = await loadPriceTable(flags.prices);
  if (outcomes.length) process.stdout.write(`${resultsTable(outcomes, prices)}\n`);
  for (const w of truncationWarnings(outcomes)) process.stderr.write(`yardstick: warning: ${w}\n`);
  const interrupted = outcomes.find((o) => o.status === 'interrupted');
  if (interrupted) {
    process.stderr.write(`interrupted: continue with yardstick eval --resume ${interrupted.spec.id}\n`);
    process.exitCode = EXIT.failure;
  }
  const errors = outcomes.reduce((n, o) => n + o.summary.errors, 0);
  if (errors && !interrupted) {
    const ids = outcomes.filter((o) => o.summary.errors).map((o) => o.spec.id);
    process.stderr.write(
      `${errors} request(s) failed and were not scored: yardstick eval --resume ${ids[0]} --retry-errors\n`,
    );
  }
}
