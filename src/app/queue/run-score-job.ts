import type { QueueJob } from '../../adapters/queue/job-queue.ts';
import type { SampleRecord } from '../../core/schema/index.ts';
import type { ShardJobPayload } from '../../core/schema/queue-job.ts';
import { cachedGeneration } from '../eval/cached-generation.ts';
import { toSample } from '../eval/to-sample.ts';
import { sampleKey } from '../eval/work-units.ts';
import type { JobContext } from './run-gen-job.ts';
import type { RunResources } from './run-resources.ts';
import { recordedSamples, shardUnits, unitsToDo } from './shard-units.ts';

/**
 * A scoring job (`score`, or `exec` for code tasks): rebuilds the shard's units, reads their
 * responses from the response cache, scores them with the embedded mode's `toSample`, and writes the
 * samples with its own completion in one transaction. Units already recorded are skipped, and so are
 * those whose request failed (the generation job recorded their error samples). True when committed.
 */
export async function runScoreJob(
  ctx: JobContext,
  r: RunResources,
  job: QueueJob,
  p: ShardJobPayload,
): Promise<boolean> {
  const units = shardUnits(r, p.from, p.to);
  const recorded = await recordedSamples(ctx.store, r.spec.id, units);
  const todo = unitsToDo(units, recorded, p.retryErrors);
  const cached = await ctx.store.cachedResponses(todo.map((u) => u.key));
  const samples: SampleRecord[] = [];
  await Promise.all(
    todo.map(async (unit) => {
      const generation = cachedGeneration(cached.get(unit.key));
      if (generation) {
        samples.push(await toSample(r.spec, r.task, unit, generation, null));
        return;
      }
      // No response: the generation job recorded this unit's error sample (or it is missing).
      if (recorded.get(sampleKey(unit.item.id, unit.sampleIndex))?.verdict === 'error') return;
      samples.push(await toSample(r.spec, r.task, unit, null, 'no response in the response cache'));
    }),
  );
  ctx.signal.throwIfAborted();
  return ctx.queue.commit(job, (trx) => trx.recordSamples(samples, [], { keepRecorded: true }), []);
}
