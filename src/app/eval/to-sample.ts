import { itemTags } from '../../core/compare/item-tags.ts';
import type { RunSpec, SampleRecord } from '../../core/schema/index.ts';
import type { Task } from '../../core/task/task.ts';
import type { CachedGeneration } from './cached-generation.ts';
import { generationFacts } from './sample-facts.ts';
import { scoreAnswer } from './score-answer.ts';
import type { WorkUnit } from './work-units.ts';

/** The sample a unit produced: scored when a completion came back, verdict `error` otherwise. */
export async function toSample(
  spec: RunSpec,
  task: Task,
  unit: WorkUnit,
  generation: CachedGeneration | null,
  error: string | null,
): Promise<SampleRecord> {
  const base = {
    runId: spec.id,
    itemId: unit.item.id,
    sampleIndex: unit.sampleIndex,
    messages: unit.messages,
    scorerVersion: task.scorerVersion,
    target: unit.item.target,
    tags: itemTags(unit.item),
    scoring: null,
    createdAt: new Date().toISOString(),
  };
  const completion = generation?.completions[0];
  if (!generation || !completion) {
    return {
      ...base,
      response: null,
      reasoning: null,
      extracted: null,
      verdict: 'error',
      score: null,
      promptTokens: null,
      completionTokens: null,
      latencyMs: null,
      finishReason: 'error',
      error: error ?? 'no response',
    };
  }
  const tokens = {
    response: completion.text,
    reasoning: completion.reasoning,
    promptTokens: generation.promptTokens,
    completionTokens: generation.completionTokens,
    ...generationFacts(generation),
    latencyMs: generation.latencyMs,
  };
  // Scored as `rescore` scores it: reasoning without an answer is no answer, a failing scorer an error.
  return { ...base, ...tokens, ...(await scoreAnswer(task, completion, unit.item)) };
}
