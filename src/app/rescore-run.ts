import type { Store } from '../adapters/store/store.ts';
import { scoreChange, type ScoreChange, scoreState } from '../core/engine/score-change.ts';
import { asScoredSample, summarizeSamples } from '../core/engine/summarize-samples.ts';
import { EXIT, UserError } from '../core/errors/user-error.ts';
import type { SampleRecord } from '../core/schema/index.ts';
import type { DatasetContext, MetricValue, ScoredSample, Task } from '../core/task/task.ts';
import type { Registry } from '../registry/registry.ts';
import { recordRunResults } from './eval/record-run-results.ts';
import { scoreAnswer } from './eval/score-answer.ts';
import { recordDeltaResults } from './evidence/record-delta-results.ts';

export interface RescoreOutcome {
  runId: string;
  scorerVersion: string;
  samples: number;
  rescored: number;
  changed: number;
  /** Samples that were scorer errors (e.g. "scorer-timeout") and were scored again. */
  retried: number;
  /** Samples left with verdict 'error' after rescoring, by reason ("no response", "scorer-timeout", ...). */
  errors: Record<string, number>;
  /** Samples whose item is no longer in the dataset: left as they were. */
  missingItems: number;
  /** Re-scored samples by extraction rule ("boxed", "last-expression", ...): fallbacks are visible apart. */
  rules: Record<string, number>;
  /** Count of each verdict transition, e.g. "incorrect -> correct". */
  transitions: Record<string, number>;
  /** Every sample whose verdict or extracted answer changed, with why. */
  changes: ScoreChange[];
  metrics: MetricValue[];
}

/** A stored error that came from scoring, not from the provider: rescoring may give it a verdict. */
function scorerError(s: SampleRecord): boolean {
  return s.verdict === 'error' && s.response !== null && /^scorer[- ]/.test(s.error ?? '');
}

/**
 * Re-scores a run's stored responses with the task's current scorer, without calling the model:
 * the task is rebuilt from the run spec's task reference, every sample with a response is scored
 * again (scorer errors such as "scorer-timeout" included), and the samples are written back with the new
 * verdict, extracted answer, score, scoring provenance and scorerVersion. Samples recorded as provider
 * errors (no response) are left untouched. The outcome lists what changed and why. The new samples and
 * the run's result are written in one transaction.
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
  const changes: ScoreChange[] = [];
  const transitions: Record<string, number> = {};
  const errors: Record<string, number> = {};
  const rules: Record<string, number> = {};
  let rescored = 0;
  let retried = 0;
  let missingItems = 0;
  let total = 0;
  const countError = (s: { verdict: string; error: string | null }) => {
    if (s.verdict === 'error') errors[s.error ?? 'error'] = (errors[s.error ?? 'error'] ?? 0) + 1;
  };
  for await (const s of store.samples(runId)) {
    total++;
    const item = items.get(s.itemId);
    if ((s.verdict === 'error' && !scorerError(s)) || s.response === null || !item) {
      if (!item && s.verdict !== 'error') missingItems++;
      countError(s);
      scored.push(asScoredSample(s));
      continue;
    }
    if (s.verdict === 'error') retried++;
    const next: SampleRecord = {
      ...s,
      ...(await scoreAnswer(task, { text: s.response, reasoning: s.reasoning }, item)),
      scorerVersion: task.scorerVersion,
    };
    rescored++;
    countError(next);
    const rule = next.scoring?.rule ?? 'unknown';
    rules[rule] = (rules[rule] ?? 0) + 1;
    const change = scoreChange(s, scoreState(s), scoreState(next));
    if (change) {
      changes.push(change);
      const t = `${s.verdict} -> ${next.verdict}`;
      transitions[t] = (transitions[t] ?? 0) + 1;
    }
    out.push(next);
    scored.push(asScoredSample(next));
  }
  // errors are counted (errors) but never scored, as in an evaluation's summary
  const metrics = summarizeSamples(scored, task.metrics).metrics;
  // One transaction: a kill leaves the old verdicts and result or the new ones, never a mix.
  await store.atomically(async (tx) => {
    await tx.putSamples(out);
    if (run.status === 'finished') await recordRunResults(tx, run.spec, metrics);
  });
  if (run.status === 'finished') await recordDeltaResults(store, run.spec.model, run.spec.benchmark);
  return {
    runId,
    scorerVersion: task.scorerVersion,
    samples: total,
    rescored,
    changed: changes.length,
    retried,
    errors,
    missingItems,
    rules,
    transitions,
    changes,
    metrics,
  };
}
