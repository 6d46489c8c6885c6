import type { EndpointBudget } from '../../adapters/queue/endpoint-budget.ts';
import type { Provider } from '../../adapters/providers/provider.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { JobKind } from '../../core/schema/queue-job.ts';
import type { RunSpec } from '../../core/schema/index.ts';
import { itemsDigest } from '../../core/task/items-digest.ts';
import type { DatasetContext, Item, Task } from '../../core/task/task.ts';
import type { Registry } from '../../registry/registry.ts';
import { runItems } from '../eval/prepare-execution.ts';
import { RequestScheduler, type SchedulerOptions } from '../eval/request-scheduler.ts';
import { schedulerSettings } from '../eval/scheduler-settings.ts';
import type { UnitProvider } from '../eval/work-units.ts';

/** What a worker builds once per run and reuses for each of its jobs. */
export interface RunResources {
  spec: RunSpec;
  task: Task;
  provider: Provider;
  items: Item[];
  /** Units of the run: items x samples. */
  total: number;
  /** Where its scoring goes: `exec` for tasks that run code, `score` otherwise. */
  scoreKind: Extract<JobKind, 'score' | 'exec'>;
  unitProvider: UnitProvider;
  /** The run's request limits and retries, in this worker. */
  scheduler: RequestScheduler;
}

export interface RunResourceOptions {
  dataset: DatasetContext;
  /** Requests in flight in this worker. */
  concurrency: number;
  /**
   * Per-endpoint limits shared by every worker (stored in PostgreSQL), handed to each run's request
   * scheduler; without it each worker keeps its run's limits on its own.
   */
  budget?: EndpointBudget;
  scheduler?: Partial<SchedulerOptions>;
  /** Runs kept built at once; the least recently used is released first. */
  keep?: number;
}

/** The runs a worker has built (task, provider, items, scheduler), loaded once per run and shared. */
export class RunResourceCache {
  private readonly entries = new Map<string, Promise<RunResources | null>>();
  private readonly store: Store;
  private readonly registry: Registry;
  private readonly o: RunResourceOptions;

  constructor(store: Store, registry: Registry, o: RunResourceOptions) {
    this.store = store;
    this.registry = registry;
    this.o = o;
  }

  /** The run's resources, or null when the run is not in the store. */
  get(runId: string): Promise<RunResources | null> {
    let entry = this.entries.get(runId);
    if (entry) {
      this.entries.delete(runId);
      this.entries.set(runId, entry);
      return entry;
    }
    entry = this.load(runId);
    // A load that failed is tried again by the next job.
    entry.catch(() => this.entries.delete(runId));
    this.entries.set(runId, entry);
    const keep = this.o.keep ?? 8;
    for (const [id] of this.entries) {
      if (this.entries.size <= keep) break;
      if (id !== runId) void this.drop(id);
    }
    return entry;
  }

  private async load(runId: string): Promise<RunResources | null> {
    const run = await this.store.run(runId);
    if (!run) return null;
    const spec = run.spec;
    const task = (await this.registry.rebuild<Task>(spec.task)).value;
    try {
      const providerRef =
        'concurrency' in spec.provider.args
          ? { ...spec.provider, args: { ...spec.provider.args, concurrency: this.o.concurrency } }
          : spec.provider;
      const provider = (await this.registry.rebuild<Provider>(providerRef)).value;
      // A worker reads the data dir the run was planned with, unless it was given its own.
      const dataset = { ...this.o.dataset, dataDir: this.o.dataset.dataDir ?? spec.dataset?.dataDir ?? null };
      const items = await runItems(task, spec, dataset)
        .then((items) => sameItems(spec, items, dataset.dataDir))
        .catch(async (err) => {
          await provider.close().catch(() => undefined);
          throw err;
        });
      const shared = await sharedLimits(this.o.budget, provider.endpoint ?? provider.name);
      const scheduler = new RequestScheduler({
        ...schedulerSettings(spec, () => undefined),
        concurrency: this.o.concurrency,
        ...(shared ? { shared } : {}),
        ...this.o.scheduler,
      });
      return {
        spec,
        task,
        provider,
        items,
        total: items.length * spec.samples,
        scoreKind: task.runsCode ? 'exec' : 'score',
        unitProvider: { provider: provider.name, endpoint: provider.endpoint, model: provider.model },
        scheduler,
      };
    } catch (err) {
      await task.close?.();
      throw err;
    }
  }

  /** Releases one run's resources (its run ended). */
  async drop(runId: string): Promise<void> {
    const entry = this.entries.get(runId);
    this.entries.delete(runId);
    const r = await entry?.catch(() => null);
    if (r) await release(r);
  }

  async close(): Promise<void> {
    for (const id of [...this.entries.keys()]) await this.drop(id);
  }
}

async function release(r: RunResources): Promise<void> {
  await r.provider.close().catch(() => undefined);
  await r.task.close?.().catch(() => undefined);
}

/**
 * The shared budget a run's requests go through: only for an endpoint with limits stored (set when a
 * run is queued with --concurrency, --rpm or --tpm, or by `yardstick queue limits`), so requests to an
 * unlimited endpoint cost no budget queries.
 */
async function sharedLimits(
  budget: EndpointBudget | undefined,
  endpoint: string,
): Promise<{ budget: EndpointBudget; endpoint: string } | null> {
  if (!budget) return null;
  const limits = await budget.limits(endpoint);
  if (!limits || (limits.concurrency === null && limits.rpm === null && limits.tpm === null)) return null;
  return { budget, endpoint };
}

/**
 * The items a worker loaded are the run's (the digest its spec recorded when it was planned); a
 * worker with another copy of the dataset fails the job (another worker may take it) rather than
 * record samples of other items under the run's item ids.
 */
function sameItems(spec: RunSpec, items: Item[], dataDir: string | null): Item[] {
  const planned = spec.dataset?.itemsSha256;
  if (planned && itemsDigest(items) !== planned)
    throw new Error(
      `the items this worker loads for run ${spec.id} (data dir ${dataDir ?? 'default'}) are not those the run was planned with; give the worker the same dataset (--data-dir)`,
    );
  return items;
}
