import type { Store } from '../adapters/store/store.ts';
import { asScoredSample } from '../core/engine/summarize-samples.ts';
import { EXIT, UserError } from '../core/errors/user-error.ts';
import type { SampleRecord } from '../core/schema/index.ts';
import type { DatasetContext, MetricValue, ScoredSample, Task } from '../core/task/task.ts';
import type { Registry } from '../registry/registry.ts';
import { recordRunResults } from './eval/record-run-results.ts';

export interface RescoreOutcome {
  runId: string;
  scorerVersion: string;
  samples: number;
  rescored: number;
  changed: number;
  /** Samples whose item is no longer in the dataset: left as they were. */
  missingItems: number;
  metrics: MetricValue[];
}

/**
 * Re-scores a run's stored responses with the task's current scorer, without calling the model:
 * the task is rebuilt from the run spec's task reference, every sample with a response is scored
 * again, and the samples are written back with the new verdict, extracted answer, score and
 * scorerVersion. Samples recorded as errors (no response) are left untouched.
 */
export async function rescoreRun(
  store: Store,
  registry: Registry,
  runId: string,
  dataset: DatasetContext,
): Promise<RescoreOutcome> {
  const run = await store.run(runId);
  if (!run) throw new UserError(`no run "${runId}"`, EXIT.notFound);
  const task = (await registry.rebuild<Task>(run.spec.task)).value;
  // The mirror folder the run was evaluated with, unless another one is given.
  const ctx =
    dataset.dataDir === null && run.spec.dataset?.dataDir
      ? { ...dataset, dataDir: run.spec.dataset.dataDir }
      : dataset;
  const items = new Map((await task.dataset(ctx)).map((i) => [i.id, i]));
  const out: SampleRecord[] = [];
  const scored: ScoredSample[] = [];
  let rescored = 0;
  let changed = 0;
  let missingItems = 0;
  let total = 0;
  for await (const s of store.samples(runId)) {
    total++;
    const item = items.get(s.itemId);
    if (s.verdict === 'error' || s.response === null || !item) {
      if (!item && s.verdict !== 'error') missingItems++;
      scored.push(asScoredSample(s));
      continue;
    }
    const score = await task.scorer({ text: s.response, reasoning: s.reasoning }, item);
    rescored++;
    if (score.verdict !== s.verdict || score.value !== s.score || score.extracted !== s.extracted) changed++;
    out.push({
      ...s,
      verdict: score.verdict,
      score: score.value,
      extracted: score.extracted,
      scorerVersion: task.scorerVersion,
    });
    if (out.length >= 500) await store.putSamples(out.splice(0));
    scored.push({
      itemId: s.itemId,
      sampleIndex: s.sampleIndex,
      verdict: score.verdict,
      value: score.value,
      extracted: score.extracted,
    });
  }
  await store.putSamples(out);
  const metrics = task.metrics.map((m) => m(scored));
  if (run.status === 'finished') await recordRunResults(store, run.spec, metrics);
  return {
    runId,
    scorerVersion: task.scorerVersion,
    samples: total,
    rescored,
    changed,
    missingItems,
    metrics,
  };
}
