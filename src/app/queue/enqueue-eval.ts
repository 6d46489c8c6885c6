import type { EndpointBudget } from '../../adapters/queue/endpoint-budget.ts';
import type { JobQueue, NewJob } from '../../adapters/queue/job-queue.ts';
import type { Store } from '../../adapters/store/store.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { planShards, unitPosition } from '../../core/queue/shard-plan.ts';
import type { RunSpec } from '../../core/schema/index.ts';
import type { ShardJobPayload } from '../../core/schema/queue-job.ts';
import type { DatasetContext, Task } from '../../core/task/task.ts';
import type { Registry } from '../../registry/registry.ts';
import { planRun } from '../eval/create-run.ts';
import { type EvalRequest, planEval } from '../eval/plan-eval.ts';
import { runItems } from '../eval/prepare-execution.ts';
import { sampleKey } from '../eval/work-units.ts';
import { queueLifecycle } from './queue-lifecycle.ts';

export interface EnqueueOptions {
  dataset: DatasetContext;
  toolVersion: string;
  /** Jobs of these runs are taken before those of lower priority (default 0). */
  priority: number;
  /** Units per job. */
  shardSize: number;
  /**
   * Where the endpoint limits a request gives (--concurrency, --rpm, --tpm) are stored, so that every
   * worker keeps them together; without it they are not shared.
   */
  limits?: Pick<EndpointBudget, 'setLimits'>;
  /** Told how many jobs of a run are in the queue, after each batch. */
  onProgress?: (runId: string, added: number, total: number) => void;
}

/** A run put in the queue: its spec, its units still to do, and the jobs that cover them. */
export interface EnqueuedRun {
  spec: RunSpec;
  units: number;
  jobs: number;
  resumed: boolean;
}

/**
 * The use case behind `yardstick eval --queue`: plans the runs exactly as the embedded mode does
 * (same spec, registry references, task arguments, dataset hash), records them `queued` with their
 * totals, and adds their generation jobs in bulk. With `resume`, the run's missing units (and its
 * error samples with `retryErrors`) are queued again, and the run is the queue's from then on.
 */
export async function enqueueEval(
  store: Store,
  queue: JobQueue,
  registry: Registry,
  request: EvalRequest,
  o: EnqueueOptions,
): Promise<EnqueuedRun[]> {
  if (request.useCache === false)
    throw new UserError(
      '--no-cache cannot be used with --queue (queued work passes responses through the cache)',
      EXIT.usage,
    );
  if (request.resume) return [await enqueueResume(store, queue, registry, request.resume, request, o)];
  if (request.retryErrors) throw new UserError('--retry-errors needs --resume RUN', EXIT.usage);
  const out: EnqueuedRun[] = [];
  for (const plan of await planEval(request)) {
    const planned = await planRun(registry, { ...plan, toolVersion: o.toolVersion }, o.dataset);
    await planned.task.close?.();
    const { spec } = planned;
    const total = planned.items.length * spec.samples;
    await store.createRun(spec);
    await store.updateRun(
      spec.id,
      { counts: { done: 0, total, errors: 0, cached: 0 } },
      { status: ['queued'] },
    );
    await storeEndpointLimits(o.limits, spec, plan.concurrency);
    const shards = planShards(total, o.shardSize);
    await addJobs(queue, spec, shards, false, o);
    out.push({ spec, units: total, jobs: shards.length, resumed: false });
  }
  return out;
}

async function enqueueResume(
  store: Store,
  queue: JobQueue,
  registry: Registry,
  runId: string,
  request: EvalRequest,
  o: EnqueueOptions,
): Promise<EnqueuedRun> {
  const run = await store.run(runId);
  if (!run) throw new UserError(`no run "${runId}" in ${store.location} (see yardstick runs)`, EXIT.notFound);
  const waiting = (await queue.counts([runId]))
    .filter((c) => c.state === 'queued' || c.state === 'active')
    .reduce((n, c) => n + c.count, 0);
  if (waiting)
    throw new UserError(
      `run ${runId} still has ${waiting} jobs in the queue; wait for them, or stop them with yardstick queue cancel ${runId}`,
      EXIT.usage,
    );
  const spec = run.spec;
  const task = (await registry.rebuild<Task>(spec.task)).value;
  const dataset = { ...o.dataset, dataDir: o.dataset.dataDir ?? spec.dataset?.dataDir ?? null };
  const items = await runItems(task, spec, dataset).finally(() => task.close?.());
  const done = new Set<string>();
  let errors = 0;
  for (const s of await store.sampleStates(spec.id)) {
    if (s.verdict === 'error') errors++;
    if (s.verdict === 'error' && request.retryErrors) continue;
    done.add(sampleKey(s.itemId, s.sampleIndex));
  }
  const total = items.length * spec.samples;
  const wanted = (u: number) => {
    const { itemIndex, sampleIndex } = unitPosition(u, spec.samples);
    return !done.has(sampleKey(items[itemIndex]!.id, sampleIndex));
  };
  // The run is the queue's from now on (a run another live process works on is refused).
  await queueLifecycle(store, runId).claim({ done: done.size, total, errors, cached: 0 });
  if (request.concurrency !== undefined) await storeEndpointLimits(o.limits, spec, request.concurrency);
  const shards = planShards(total, o.shardSize, wanted);
  await addJobs(queue, spec, shards, request.retryErrors === true, o);
  let units = 0;
  for (let u = 0; u < total; u++) if (wanted(u)) units++;
  return { spec, units, jobs: shards.length, resumed: true };
}

async function addJobs(
  queue: JobQueue,
  spec: RunSpec,
  shards: { from: number; to: number }[],
  retryErrors: boolean,
  o: EnqueueOptions,
): Promise<void> {
  const endpoint = spec.endpoint ?? spec.provider.name;
  const jobs: NewJob[] = shards.map((s) => {
    const data: ShardJobPayload = {
      runId: spec.id,
      from: s.from,
      to: s.to,
      endpoint,
      retryErrors,
      priority: o.priority,
    };
    return { kind: 'gen', data, priority: o.priority };
  });
  await queue.add(jobs, (added) => o.onProgress?.(spec.id, added, jobs.length));
}

/**
 * In queue mode a run's limits are its endpoint's, across all workers: the concurrency given
 * explicitly (the default is a per-process figure, not a cap on the endpoint), and the requests- and
 * tokens-per-minute budgets. Nothing is stored when none was given.
 */
async function storeEndpointLimits(
  limits: EnqueueOptions['limits'],
  spec: RunSpec,
  concurrency: number | undefined,
): Promise<void> {
  const { rpm, tpm } = spec.requestLimits;
  if (!limits || (concurrency === undefined && rpm === null && tpm === null)) return;
  await limits.setLimits(spec.endpoint ?? spec.provider.name, { concurrency: concurrency ?? null, rpm, tpm });
}
