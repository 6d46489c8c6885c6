import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { datasetContext, loadSettings } from '../../adapters/settings/settings.ts';
import { RunContext } from '../../app/eval/run-context.ts';
import { QueueWorker, type WorkerEvent } from '../../app/queue/queue-worker.ts';
import { JobKind } from '../../core/schema/queue-job.ts';
import { builtinRegistry } from '../../registry/builtin.ts';
import type { WorkerFlags } from '../commands/worker.ts';
import { openEndpointBudget, withQueue } from './open-queue.ts';

/** One line per event worth knowing. */
export function workerLine(e: WorkerEvent): string {
  switch (e.event) {
    case 'started':
      return `worker ${process.pid}: started (roles ${e.roles.join(',')}; ${e.concurrency} requests, ${e.scoreSlots} scoring, ${e.execSlots} exec slots)`;
    case 'job-failed':
      return `worker ${process.pid}: ${e.kind} job ${e.job}${e.run ? ` of run ${e.run}` : ''} failed: ${e.reason}`;
    case 'lease-lost':
      return `worker ${process.pid}: ${e.kind} job ${e.job} of run ${e.run} was no longer ours (cancelled or redelivered); nothing written`;
    case 'run-failed':
      return `worker ${process.pid}: run ${e.run} failed: ${e.reason}; ${e.cancelled} jobs cancelled`;
    case 'run-finished':
      return `worker ${process.pid}: run ${e.run} finished`;
    case 'stopping':
      return `worker ${process.pid}: stopping (${e.inHand} jobs in hand)`;
    case 'returned':
      return `worker ${process.pid}: gave ${e.jobs} unfinished jobs back to the queue`;
    case 'stopped':
      return `worker ${process.pid}: stopped after ${e.jobs} jobs and ${e.requests} requests; ${(e.queueMs / 1000).toFixed(1)} s of ${(e.wallMs / 1000).toFixed(1)} s in queue operations`;
  }
}

/** `yardstick worker`: runs jobs until SIGTERM or SIGINT, then stops gracefully and exits 0. */
export async function runWorkerCommand(flags: WorkerFlags, cmd: Command): Promise<void> {
  const settings = loadSettings({ dataDir: flags.dataDir });
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const cores = availableParallelism();
  try {
    await withQueue(
      cmd,
      'yardstick worker',
      async (store, queue, location) => {
        const budget = flags.sharedLimits === false ? undefined : await openEndpointBudget(location);
        const worker = new QueueWorker(store, queue, builtinRegistry(), {
          budget,
          roles: flags.roles.map((r) => JobKind.parse(r)),
          concurrency: flags.concurrency,
          scoreSlots: flags.scoreSlots ?? cores,
          execSlots: flags.execSlots ?? Math.max(1, Math.floor(cores / 2)),
          dataset: datasetContext(settings),
          graceMs: flags.grace * 1000,
          onEvent: (e) => process.stderr.write(`${workerLine(e)}\n`),
        });
        const context = new RunContext();
        try {
          await context.run(() => worker.run(stop.signal));
        } finally {
          await context.close();
          await budget?.close();
        }
      },
      { poolSize: flags.pool, supervise: true },
    );
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
