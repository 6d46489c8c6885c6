import type { Provider } from '../../adapters/providers/provider.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { ProgressCounts } from '../../core/engine/progress-math.ts';
import type { RunSpec } from '../../core/schema/index.ts';
import type { DatasetContext, Item, Task } from '../../core/task/task.ts';
import type { Registry } from '../../registry/registry.ts';
import type { RunCounts, RunLifecycle } from '../runs/run-lifecycle.ts';
import { sampleKey, type WorkUnit, workUnits } from './work-units.ts';

/** The run's items: the task's dataset, cut to the run's limit. */
export async function runItems(task: Task, spec: RunSpec, ctx: DatasetContext): Promise<Item[]> {
  const items = await task.dataset(ctx);
  return spec.limit === null ? items : items.slice(0, spec.limit);
}

/** Everything the work of one execution needs, and what it must release at the end. */
export interface Execution {
  spec: RunSpec;
  task: Task;
  provider: Provider;
  /** Requests in flight: the run's, or a new --concurrency given with --resume. */
  concurrency: number;
  counts: ProgressCounts;
  units: AsyncGenerator<WorkUnit>;
  lifecycle: RunLifecycle;
  close(): Promise<void>;
}

export interface PrepareOptions {
  dataset: DatasetContext;
  retryErrors?: boolean;
  useCache?: boolean;
  concurrency?: number;
  prepared?: { task: Task; items: Item[] };
}

/** A run's counts as the store keeps them. */
export const runCounts = (c: ProgressCounts): RunCounts => ({
  done: c.done,
  total: c.total,
  errors: c.errors,
  cached: c.cached,
});

/**
 * Planning of one execution: claims the run (`running`, owned by this process), builds its task and
 * provider, loads its items, skips the samples already recorded, and lays out the work units.
 */
export async function prepareExecution(
  store: Store,
  registry: Registry,
  spec: RunSpec,
  lifecycle: RunLifecycle,
  o: PrepareOptions,
): Promise<Execution> {
  const counts: ProgressCounts = {
    done: 0,
    resumed: 0,
    total: 0,
    errors: 0,
    cached: 0,
    requests: 0,
    tokens: 0,
  };
  await lifecycle.claim(runCounts(counts));
  const concurrency = o.concurrency ?? spec.concurrency;
  const task = o.prepared?.task ?? (await registry.rebuild<Task>(spec.task)).value;
  const closers: (() => Promise<void>)[] = [async () => task.close?.()];
  try {
    const providerRef =
      'concurrency' in spec.provider.args
        ? { ...spec.provider, args: { ...spec.provider.args, concurrency } }
        : spec.provider;
    const provider = (await registry.rebuild<Provider>(providerRef)).value;
    closers.unshift(() => provider.close());
    const items = o.prepared?.items ?? (await runItems(task, spec, o.dataset));
    const skip = new Set<string>();
    for (const s of await store.sampleStates(spec.id)) {
      if (s.verdict === 'error' && o.retryErrors) continue;
      skip.add(sampleKey(s.itemId, s.sampleIndex));
      if (s.verdict === 'error') counts.errors++;
    }
    counts.total = items.length * spec.samples;
    counts.done = skip.size;
    counts.resumed = skip.size;
    await lifecycle.heartbeat(runCounts(counts));
    const units = workUnits(
      spec,
      items,
      task.prompt,
      skip,
      { provider: provider.name, endpoint: provider.endpoint, model: provider.model },
      o.useCache === false ? null : store,
    );
    return {
      spec,
      task,
      provider,
      concurrency,
      counts,
      units,
      lifecycle,
      close: async () => {
        for (const c of closers) await c().catch(() => undefined);
      },
    };
  } catch (err) {
    for (const c of closers) await c().catch(() => undefined);
    throw err;
  }
}
