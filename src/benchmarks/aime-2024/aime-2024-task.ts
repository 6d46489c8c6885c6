import { z } from 'zod';
import { type DatasetFile, githubRaw } from '../../adapters/datasets/dataset-file.ts';
import { expectCount, parseJsonl, validateRows } from '../../adapters/datasets/read-rows.ts';
import { resolveDatasetFile } from '../../adapters/datasets/resolve-dataset-file.ts';
import { inputText } from '../../adapters/files/input-text.ts';
import { sharedEquivalencePool } from '../../adapters/equivalence-pool/equivalence-pool.ts';
import type { Item, Task } from '../../core/task/task.ts';
import { mathScorer } from '../common/math-scorer.ts';
import { mathPassAt1Metrics } from '../common/standard-metrics.ts';
import { boxedCot } from '../common/zero-shot-prompts.ts';
import { parseTaskArgs } from '../../core/task/parse-task-args.ts';
import { defineTask } from '../../core/task/task-definition.ts';
import { withPrompts } from '../common/task-args.ts';

export const AIME2024_FILE: DatasetFile = {
  path: 'aime2024/test.jsonl',
  sha256: 'af2b8bd2aa911b6333ad0df32f3ca05c7ae8ed10f1731f4372c8ae26990bf7ac',
  bytes: 156944,
  urls: [
    githubRaw(
      'QwenLM/Qwen2.5-Math',
      'a45202bd16f1ec06f433442dc1152d0074773465',
      'evaluation/data/aime24/test.jsonl',
    ),
  ],
};
export const AIME2024_COUNT = 30;

const Row = z.object({
  id: z.number().int(),
  problem: z.string().min(1),
  solution: z.string(),
  answer: z.string().regex(/^\d{1,3}$/, 'must be an integer 0-999'),
  url: z.string(),
});

export function aime2024Items(file: string, text: string): Item[] {
  return validateRows(file, parseJsonl(file, text), Row).map((r) => ({
    id: String(r.id),
    input: r.problem,
    target: r.answer,
    metadata: { url: r.url, solution: r.solution },
  }));
}

const prompts = { 'zero-shot-cot': (item: Item) => boxedCot(item.input) };

/** The arguments aime-2024 declares: file, seed, prompt. */
export const Aime2024Args = withPrompts(prompts, 'zero-shot-cot');

/** AIME 2024 (I and II, 30 problems). Args: file, prompt. Usually run with several samples per problem. */
export function aime2024Task(args: Record<string, unknown> = {}): Task {
  const a = parseTaskArgs('aime-2024', Aime2024Args, args);
  const promptId = a.prompt;
  const prompt = prompts[promptId as keyof typeof prompts]!;
  return {
    name: 'aime-2024',
    benchmark: 'aime-2024',
    version: null,
    promptId,
    dataset: async (ctx) => {
      const f = await resolveDatasetFile(AIME2024_FILE, ctx, a.file ?? null);
      const items = aime2024Items(f.path, inputText(f.path, f.data));
      expectCount(f.path, items.length, AIME2024_COUNT);
      return items;
    },
    prompt,
    scorer: mathScorer(sharedEquivalencePool),
    scorerVersion: 'math-equiv-3',
    metrics: mathPassAt1Metrics,
  };
}

export const aime2024Definition = defineTask({
  name: 'aime-2024',
  args: Aime2024Args,
  items: AIME2024_COUNT.toLocaleString('en-US'),
  build: aime2024Task,
});

export default aime2024Task;
