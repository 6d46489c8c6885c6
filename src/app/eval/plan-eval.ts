import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { checkJsonText } from '../../core/import/check-json-text.ts';
import { Slug } from '../../core/schema/ids.ts';
import type { GenerationConfig, RequestLimits } from '../../core/schema/index.ts';
import type { NewRunOptions } from './create-run.ts';
import { EvalSuite } from './eval-suite.ts';
import { withSuiteModel } from './suite-model.ts';

/** What `yardstick eval` was asked for, as plain data (the CLI builds it from flags). */
export interface EvalRequest {
  /** A suite file: models x benchmarks with shared settings. */
  suite?: string;
  models?: string[];
  benchmarks?: string[];
  limit?: number;
  samples?: number;
  concurrency?: number;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  seed?: number;
  apiKeyEnv?: string;
  modelId?: string;
  /** Extra request body fields as JSON text (a JSON object). */
  extraBody?: string;
  timeoutMs?: number;
  /** Continue this run instead of creating new ones. */
  resume?: string;
  /**
   * With `resume`: the run's base URL again, with the user:password that was never stored. Given
   * as a flag's value or read from an environment variable (`baseUrlEnv`).
   */
  baseUrl?: string;
  baseUrlEnv?: string;
  retryErrors?: boolean;
  /** Read responses from the cache (default true). */
  useCache?: boolean;
  /** `key=value` task arguments (values are JSON when they parse, text otherwise). */
  taskArgs?: string[];
  unsafeLocal?: boolean;
  /** An evaluation recipe (core/recipes). */
  recipe?: string;
  /** The condition the runs are made under (e.g. zero-shot-cot), and the one their Δ is measured against. */
  condition?: string;
  baseline?: string;
  /** Request limits and provider args given as flags (rate limits, retries, stream timeouts). */
  limits?: { requestLimits: Partial<RequestLimits>; providerArgs: Record<string, unknown> };
}

/** A flag's JSON value refused before parsing: a repeated key, or nesting no request needs. */
function checkFlagJson(flag: string, text: string): void {
  const odd = checkJsonText(text);
  if (odd) throw new UserError(`${flag}: ${odd.problem}`, EXIT.usage);
}

function parseExtraBody(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  checkFlagJson('--extra-body', text);
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {}
  throw new UserError('--extra-body must be a JSON object, e.g. \'{"top_k":20}\'', EXIT.usage);
}

/** Task arguments from `key=value` pairs (values are JSON when they parse, text otherwise) and unsafeLocal. */
export function taskArgsOf(r: Pick<EvalRequest, 'taskArgs' | 'unsafeLocal'>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const pair of r.taskArgs ?? []) {
    const i = pair.indexOf('=');
    if (i <= 0) throw new UserError(`--task-arg expects key=value, got "${pair}"`, EXIT.usage);
    const text = pair.slice(i + 1);
    checkFlagJson(`--task-arg ${pair.slice(0, i)}`, text);
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {}
    // An own property even for "__proto__", so an unknown name is refused, never a prototype set.
    Object.defineProperty(args, pair.slice(0, i), {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  if (r.unsafeLocal) args.unsafeLocal = true;
  return args;
}

/** The new runs a request asks for: from a suite file, or from models x benchmarks. */
export async function planEval(r: EvalRequest): Promise<Omit<NewRunOptions, 'toolVersion'>[]> {
  if (r.baseline && !r.condition)
    throw new UserError('--baseline needs --condition NAME (the condition measured against it)', EXIT.usage);
  if (r.baseline && r.baseline === r.condition)
    throw new UserError('--baseline must name a condition other than --condition', EXIT.usage);
  if (r.suite) {
    // The YAML parser loads only for suite files.
    const { parseYamlFile } = await import('../../tasks/yaml/parse-yaml-file.ts');
    const s = parseYamlFile(r.suite, EvalSuite);
    const generation: Partial<GenerationConfig> = {
      temperature: r.temperature ?? s.temperature,
      topP: r.topP ?? s.topP,
      maxTokens: r.maxTokens ?? s.maxTokens,
      extraBody: { ...s.extraBody, ...parseExtraBody(r.extraBody) },
    };
    const limits = r.limits ?? { requestLimits: {}, providerArgs: {} };
    return s.models.flatMap((model) =>
      s.benchmarks.map((benchmark) =>
        withSuiteModel(model, {
          benchmark,
          recipe: r.recipe ?? s.recipe,
          requestLimits: { rpm: s.rpm, tpm: s.tpm, ...limits.requestLimits },
          providerArgs: limits.providerArgs,
          taskArgs: { ...s.taskArgs, ...taskArgsOf(r) },
          apiKeyEnv: r.apiKeyEnv ?? s.apiKeyEnv,
          generation,
          samples: r.samples ?? s.samples,
          limit: r.limit ?? s.limit,
          concurrency: r.concurrency ?? s.concurrency,
          seed: r.seed ?? s.seed,
          timeoutMs: r.timeoutMs,
          condition: r.condition,
          baseline: r.baseline,
        }),
      ),
    );
  }
  if (!r.models?.length || !r.benchmarks?.length) {
    throw new UserError('give --model and --benchmark, a suite file, or --resume RUN', EXIT.usage);
  }
  if (r.modelId !== undefined) {
    const id = Slug.safeParse(r.modelId);
    if (!id.success)
      throw new UserError(`--model-id "${r.modelId}": ${id.error.issues[0]!.message}`, EXIT.usage);
  }
  const generation: Partial<GenerationConfig> = {
    ...(r.temperature !== undefined ? { temperature: r.temperature } : {}),
    ...(r.topP !== undefined ? { topP: r.topP } : {}),
    ...(r.maxTokens !== undefined ? { maxTokens: r.maxTokens } : {}),
    extraBody: parseExtraBody(r.extraBody),
  };
  const models = r.models;
  return models.flatMap((model) =>
    r.benchmarks!.map((benchmark) => ({
      model,
      benchmark,
      taskArgs: taskArgsOf(r),
      apiKeyEnv: r.apiKeyEnv,
      modelId: models.length === 1 ? r.modelId : undefined,
      generation,
      samples: r.samples,
      limit: r.limit ?? null,
      concurrency: r.concurrency,
      seed: r.seed,
      timeoutMs: r.timeoutMs,
      condition: r.condition,
      baseline: r.baseline,
      recipe: r.recipe,
      ...r.limits,
    })),
  );
}
