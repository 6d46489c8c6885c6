import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { stripCredentials } from '../../adapters/providers/url-credentials.ts';
import type { Store } from '../../adapters/store/store.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { parseModelSpec } from '../../core/engine/model-spec.ts';
import { stableJson } from '../../core/format/stable-json.ts';
import { itemsDigest } from '../../core/task/items-digest.ts';
import { DEFAULTS } from '../../core/settings/defaults.ts';
import type { Provider } from '../../adapters/providers/provider.ts';
import type { GenerationConfig, PluginRef, RequestLimits } from '../../core/schema/index.ts';
import { RunSpec } from '../../core/schema/index.ts';
import type { DatasetContext, Item, Task } from '../../core/task/task.ts';
import type { Registry } from '../../registry/registry.ts';
import { runItems } from './prepare-execution.ts';
import { resolveRunSettings } from './run-settings.ts';

// Not an ESM import, whose facade would load WebCrypto (see core/engine/cache-key.ts).
const { createHash, randomBytes } = process.getBuiltinModule('node:crypto');

export interface NewRunOptions {
  /** A model spec (see core/engine/model-spec.ts). */
  model: string;
  /** A benchmark id from the registry, or a path to a YAML task file. */
  benchmark: string;
  /** Task arguments: prompt variant, data file, sandbox options (see each benchmark's README). */
  taskArgs?: Record<string, unknown>;
  apiKeyEnv?: string;
  modelId?: string;
  generation?: Partial<GenerationConfig>;
  samples?: number;
  limit?: number | null;
  concurrency?: number;
  seed?: number;
  timeoutMs?: number;
  toolVersion: string;
  /** The condition the run is made under, and the one its Δ is measured against. */
  condition?: string | null;
  baseline?: string | null;
  /** An evaluation recipe (core/recipes): defaults for generation and samples, overridden field by field. */
  recipe?: string;
  /** Requests/tokens per minute and the retry policy of the model's endpoint. */
  requestLimits?: Partial<RequestLimits>;
  /** Further provider args (timeouts, streaming, body limit, a base URL from a suite's model entry). */
  providerArgs?: Record<string, unknown>;
}

/** The registry reference of the task a --benchmark value names. */
export function taskRef(benchmark: string, args: Record<string, unknown> = {}): PluginRef {
  if (/\.ya?ml$/i.test(benchmark)) {
    if (!existsSync(benchmark)) throw new UserError(`task file not found: ${benchmark}`, EXIT.invalidInput);
    return { kind: 'task', name: 'yaml', args: { ...args, path: resolve(benchmark) } };
  }
  return { kind: 'task', name: benchmark, args };
}

/** Hash of the prompt variant and the messages it builds for the first item. */
export function promptTemplateHash(task: Task, first: Item | undefined): string {
  const messages = first ? task.prompt(first) : [];
  return createHash('sha256')
    .update(stableJson({ promptId: task.promptId, messages }))
    .digest('hex')
    .slice(0, 16);
}

/** A new run's spec, with the task and items it was planned from (executeRun can reuse them). */
export interface PlannedRun {
  spec: RunSpec;
  task: Task;
  items: Item[];
}

/**
 * Builds the spec of a new run (everything needed to rebuild it, never an API key) and checks that
 * its task and provider can be built. Nothing is recorded.
 */
export async function planRun(
  registry: Registry,
  o: NewRunOptions,
  dataset: DatasetContext,
): Promise<PlannedRun> {
  const model = parseModelSpec(o.model, o.apiKeyEnv);
  // user:password in a base URL is used for this process's requests and never recorded; the spec
  // only says that there were some, so a resume can ask for them.
  const given = o.providerArgs?.baseUrl ?? model.args.baseUrl;
  const credentials = typeof given === 'string' && stripCredentials(given) !== given;
  if (typeof model.args.baseUrl === 'string') model.args.baseUrl = stripCredentials(model.args.baseUrl);
  const concurrency = o.concurrency ?? DEFAULTS.concurrency;
  const providerArgs: Record<string, unknown> = {
    ...model.args,
    concurrency,
    ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
    ...o.providerArgs,
  };
  // A suite model's own base URL is stripped the same way.
  if (typeof providerArgs.baseUrl === 'string') providerArgs.baseUrl = stripCredentials(providerArgs.baseUrl);
  const provider = await registry.build<Provider>('provider', model.provider, providerArgs);
  const { value: task, ref } = await registry.rebuild<Task>(taskRef(o.benchmark, o.taskArgs));
  const settings = resolveRunSettings(o, task.benchmark);
  const effectiveGeneration = provider.value.effectiveSettings(settings.generation);
  await provider.value.close();
  const parsed = RunSpec.safeParse({
    id: 'pending',
    model: o.modelId ?? model.slug,
    provider: provider.ref,
    endpoint: typeof providerArgs.baseUrl === 'string' ? providerArgs.baseUrl : null,
    endpointCredentials: credentials,
    benchmark: task.benchmark,
    benchmarkVersion: task.version,
    task: ref,
    promptTemplateHash: 'pending',
    generation: settings.generation,
    recipe: settings.recipe,
    effectiveGeneration,
    requestLimits: settings.requestLimits,
    seed: o.seed ?? 0,
    samples: settings.samples,
    limit: o.limit ?? null,
    concurrency,
    toolVersion: o.toolVersion,
    condition: o.condition ?? null,
    baseline: o.baseline ?? null,
    createdAt: new Date().toISOString(),
  });
  if (!parsed.success) {
    // One line naming the field, never a validation dump.
    const issue = parsed.error.issues[0]!;
    throw new UserError(`run spec: ${issue.path.join('.') || '(spec)'}: ${issue.message}`, EXIT.usage);
  }
  const draft = parsed.data;
  const items = await runItems(task, draft, dataset);
  const itemsSha256 = itemsDigest(items);
  const stamp = draft.createdAt.replace(/[-:T]/g, '').slice(0, 14);
  const spec: RunSpec = {
    ...draft,
    id: `${draft.model}--${draft.benchmark}--${stamp}-${randomBytes(3).toString('hex')}`,
    promptTemplateHash: promptTemplateHash(task, items[0]),
    dataset: { dataDir: dataset.dataDir, itemsSha256 },
  };
  return { spec, task, items };
}

/** Plans a new run and records it in the store. */
export async function createRun(
  store: Store,
  registry: Registry,
  o: NewRunOptions,
  dataset: DatasetContext,
): Promise<RunSpec> {
  const { spec } = await planRun(registry, o, dataset);
  await store.createRun(spec);
  return spec;
}
