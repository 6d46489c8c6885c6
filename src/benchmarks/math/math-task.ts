import { z } from 'zod';
import { type DatasetFile, githubRaw } from '../../adapters/datasets/dataset-file.ts';
import { expectCount, parseJsonl, validateRows } from '../../adapters/datasets/read-rows.ts';
import { resolveDatasetFile } from '../../adapters/datasets/resolve-dataset-file.ts';
import { inputText } from '../../adapters/files/input-text.ts';
import { sharedEquivalencePool } from '../../adapters/equivalence-pool/equivalence-pool.ts';
import { extractBoxed } from '../../core/extract/extract-boxed.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import type { Item, Task } from '../../core/task/task.ts';
import { mathScorer } from '../common/math-scorer.ts';
import { mathAccuracyMetrics } from '../common/standard-metrics.ts';
import { parseTaskArgs } from '../../core/task/parse-task-args.ts';
import { defineTask } from '../../core/task/task-definition.ts';
import { withPrompts } from '../common/task-args.ts';
import { mathPrompts } from './math-prompts.ts';

export const MATH_FILE: DatasetFile = {
  path: 'math/test.jsonl',
  sha256: '3371949f33dd702d04b43fddd7d53a028de0aaca0e76abb1b875a050297b3aa4',
  bytes: 4101364,
  urls: [
    githubRaw(
      'ZubinGou/math-evaluation-harness',
      'db77bc6bb2a17c90ed2d63e88ebd8c40a82858c5',
      'data/math/test.jsonl',
    ),
  ],
};
export const MATH_COUNT = 5000;

const Row = z.object({
  problem: z.string().min(1),
  solution: z.string().includes('\\boxed', { message: 'must contain the \\boxed{} answer' }),
  level: z.string(),
  type: z.string(),
  idx: z.union([z.string(), z.number()]).transform(String),
});

/** Reads the MATH test file; the target is the (last) \boxed{} answer of the reference solution. */
export function mathItems(file: string, text: string): Item[] {
  const lines = parseJsonl(file, text);
  const rows = validateRows(file, lines, Row);
  return rows.map((r, i) => {
    const target = extractBoxed(r.solution);
    if (!target)
      throw new UserError(`${file}:${lines[i]!.line}: solution: empty \\boxed{} answer`, EXIT.invalidInput);
    return {
      id: r.idx,
      input: r.problem,
      target,
      metadata: { subject: r.type, level: r.level, solution: r.solution },
    };
  });
}

/** The arguments math declares: file, seed, prompt. */
export const MathArgs = withPrompts(mathPrompts, 'zero-shot-cot');

/** The MATH task (Hendrycks et al., 5,000 test problems). Args: file, prompt. */
export function mathTask(args: Record<string, unknown> = {}): Task {
  const a = parseTaskArgs('math', MathArgs, args);
  const promptId = a.prompt;
  const prompt = mathPrompts[promptId as keyof typeof mathPrompts]!;
  return {
    name: 'math',
    benchmark: 'math',
    version: null,
    promptId,
    dataset: async (ctx) => {
      const f = await resolveDatasetFile(MATH_FILE, ctx, a.file ?? null);
      const items = mathItems(f.path, inputText(f.path, f.data));
      expectCount(f.path, items.length, MATH_COUNT);
      return items;
    },
    prompt,
    scorer: mathScorer(sharedEquivalencePool),
    scorerVersion: 'math-equiv-3',
    metrics: mathAccuracyMetrics,
  };
}

export const mathDefinition = defineTask({
  name: 'math',
  args: MathArgs,
  items: MATH_COUNT.toLocaleString('en-US'),
  build: mathTask,
});

export default mathTask;
