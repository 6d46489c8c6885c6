import { z } from 'zod';
import { type DatasetFile, githubRaw } from '../../adapters/datasets/dataset-file.ts';
import { expectCount, parseJsonl, validateRows } from '../../adapters/datasets/read-rows.ts';
import { resolveDatasetFile } from '../../adapters/datasets/resolve-dataset-file.ts';
import { inputText } from '../../adapters/files/input-text.ts';
import { sharedEquivalencePool } from '../../adapters/equivalence-pool/equivalence-pool.ts';
import type { Item, Task } from '../../core/task/task.ts';
import { mathScorer } from '../common/math-scorer.ts';
import { mathPassAt1Metrics } from '../common/standard-metrics.ts';
import { parseTaskArgs } from '../../core/task/parse-task-args.ts';
import { defineTask } from '../../core/task/task-definition.ts';
import { withPrompts } from '../common/task-args.ts';
import { mathPrompts } from '../math/math-prompts.ts';

export const MATH500_FILE: DatasetFile = {
  path: 'math500/test.jsonl',
  sha256: '35dc41080a3680858b27fa7e0533d2d547825316fc5dafe5d316f4ccc5a06132',
  bytes: 446564,
  urls: [
    githubRaw(
      'ZubinGou/math-evaluation-harness',
      'db77bc6bb2a17c90ed2d63e88ebd8c40a82858c5',
      'data/math_oai/test.jsonl',
    ),
  ],
};
export const MATH500_COUNT = 500;

const Row = z.object({
  problem: z.string().min(1),
  solution: z.string(),
  answer: z.string().min(1),
  subject: z.string(),
  level: z.number().int(),
  unique_id: z.string().min(1),
});

export function math500Items(file: string, text: string): Item[] {
  return validateRows(file, parseJsonl(file, text), Row).map((r) => ({
    id: r.unique_id,
    input: r.problem,
    target: r.answer,
    metadata: { subject: r.subject, level: r.level, solution: r.solution },
  }));
}

/** The arguments math-500 declares: file, seed, prompt. */
export const Math500Args = withPrompts(mathPrompts, 'zero-shot-cot');

/** MATH-500 (the PRM800K test split of MATH). Args: file, prompt. */
export function math500Task(args: Record<string, unknown> = {}): Task {
  const a = parseTaskArgs('math-500', Math500Args, args);
  const promptId = a.prompt;
  const prompt = mathPrompts[promptId as keyof typeof mathPrompts]!;
  return {
    name: 'math-500',
    benchmark: 'math-500',
    version: null,
    promptId,
    dataset: async (ctx) => {
      const f = await resolveDatasetFile(MATH500_FILE, ctx, a.file ?? null);
      const items = math500Items(f.path, inputText(f.path, f.data));
      expectCount(f.path, items.length, MATH500_COUNT);
      return items;
    },
    prompt,
    scorer: mathScorer(sharedEquivalencePool),
    scorerVersion: 'math-equiv-3',
    metrics: mathPassAt1Metrics,
  };
}

export const math500Definition = defineTask({
  name: 'math-500',
  args: Math500Args,
  items: MATH500_COUNT.toLocaleString('en-US'),
  build: math500Task,
});

export default math500Task;
