import type { Command } from 'commander';
import { datasetContext, loadSettings } from '../../adapters/settings/settings.ts';
import { enqueueEval } from '../../app/queue/enqueue-eval.ts';
import { followQueuedRuns } from '../../app/queue/follow-queued-runs.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { DEFAULT_SHARD_SIZE } from '../../core/queue/shard-plan.ts';
import { builtinRegistry } from '../../registry/builtin.ts';
import type { EvalFlags } from '../commands/eval.ts';
import { evalRequest } from '../eval/eval-action.ts';
import { ProgressDisplay } from '../progress/progress-display.ts';
import { toolVersion } from '../tool-version.ts';
import { openEndpointBudget, withQueue } from './open-queue.ts';

/**
 * `yardstick eval --queue`: plans the runs as `eval` does, records them `queued`, adds their jobs,
 * prints each run id and returns; with --follow, shows progress from the store until the runs end.
 */
export async function runQueuedEvalCommand(
  suite: string | undefined,
  flags: EvalFlags,
  cmd: Command,
): Promise<void> {
  if (!flags.queue) throw new UserError('--follow, --priority and --shard-size go with --queue', EXIT.usage);
  const settings = loadSettings({ dataDir: flags.dataDir });
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const ended = await withQueue(cmd, 'eval --queue', async (store, queue, location) => {
      const request = evalRequest(suite, flags);
      const budget = await openEndpointBudget(location);
      const runs = await enqueueEval(store, queue, builtinRegistry(), request, {
        dataset: datasetContext(settings),
        toolVersion: toolVersion(),
        priority: flags.priority ?? 0,
        shardSize: flags.shardSize ?? DEFAULT_SHARD_SIZE,
        limits: budget,
      }).finally(() => budget.close());
      for (const r of runs) {
        process.stdout.write(`${r.spec.id}\n`);
        process.stderr.write(
          `queued ${r.spec.id}${r.resumed ? ' (resumed)' : ''}: ${r.units} samples in ${r.jobs} jobs; run yardstick worker to work on it\n`,
        );
      }
      if (!flags.follow) return [];
      const progress = new ProgressDisplay(flags.progress, process.stderr, settings.progressLineMs);
      const records = [];
      for (const r of runs) {
        progress.start(
          r.spec.id,
          `${r.spec.model} / ${r.spec.benchmark}`,
          r.resumed,
          r.spec.model,
          r.spec.benchmark,
        );
        let seen = { done: 0, errors: 0 };
        const [last] = await followQueuedRuns(store, [r.spec.id], {
          signal: abort.signal,
          onProgress: (p) => {
            seen = p;
            progress.update({
              done: p.done,
              resumed: 0,
              total: p.run.progress.total,
              errors: p.errors,
              cached: 0,
              requests: p.done,
              tokens: 0,
            });
          },
        });
        progress.finish();
        if (last) {
          progress.event({
            event: 'run-end',
            run: last.spec.id,
            status: last.status,
            samples: seen.done,
            errors: seen.errors,
            metrics: [],
          });
          records.push(last);
        }
      }
      return records;
    });
    for (const run of ended) {
      const why = run.reason ? `: ${run.reason}` : '';
      process.stderr.write(`run ${run.spec.id} ${run.status}${why}\n`);
    }
    if (ended.some((r) => r.status !== 'finished')) process.exitCode = EXIT.failure;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
