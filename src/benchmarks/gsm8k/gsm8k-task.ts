import { z } from 'zod';
import { githubRaw, type DatasetFile } from '../../adapters/datasets/dataset-file.ts';
import { expectCount, parseJsonl, validateRows } from '../../adapters/datasets/read-rows.ts';
import { resolveDatasetFile } from '../../adapters/datasets/resolve-dataset-file.ts';
import { inputText } from '../../adapters/files/input-text.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { extractNumber, firstNumber, sameNumber } from '../../core/extract/extract-number.ts';
import type { Item, Scorer, Task } from '../../core/task/task.ts';
import { noAnswerScore } from '../common/no-answer-score.ts';
import { mathAccuracyMetrics } from '../common/standard-metrics.ts';
import { parseTaskArgs } from '../../core/task/parse-task-args.ts';
import { defineTask } from '../../core/task/task-definition.ts';
import { withPrompts } from '../common/task-args.ts';
import { gsm8kPrompts } from './gsm8k-prompts.ts';

export const GSM8K_FILE: DatasetFile = {
  path: 'gsm8k/test.jsonl',
  sha256: '3730d312f6e3440559ace48831e51066acaca737f6eabec99bccb9e4b3c39d14',
  bytes: 749738,
  urls: [
    githubRaw(
      'openai/grade-school-math',
      '3101c7d5072418e28b9008a6636bde82a006892c',
      'grade_school_math/data/test.jsonl',
    ),
  ],
};
export const GSM8K_COUNT = 1319;

const Row = z.object({
  question: z.string().min(1),
  answer: z.string().regex(/####\s*\S/, 'must end with "#### <number>"'),
});

/** Reads the GSM8K test file into items whose target is the canonical number after "####". */
export function gsm8kItems(file: string, text: string): Item[] {
  const lines = parseJsonl(file, text);
  const rows = validateRows(file, lines, Row);
  return rows.map((r, i) => {
    const target = firstNumber(r.answer.slice(r.answer.lastIndexOf('####') + 4));
    if (target === null)
      throw new UserError(`${file}:${lines[i]!.line}: answer: no number after ####`, EXIT.invalidInput);
    return { id: String(i), input: r.question, target, metadata: { solution: r.answer } };
  });
}

/** GSM8K scorer: the explicit or last number, compared numerically (commas, currency, units ignored). */
export const gsm8kScorer: Scorer = (completion, item) => {
  const found = extractNumber(completion.text);
  if (!found) return noAnswerScore('none');
  const ok = sameNumber(found.value, item.target);
  return {
    extracted: found.value,
    verdict: ok ? 'correct' : 'incorrect',
    value: ok ? 1 : 0,
    scoring: {
      rule: found.method,
      extracted: found.value,
      normalized: { gold: item.target, answer: found.value },
      method: 'numeric',
    },
  };
};

/** The arguments gsm8k declares: file, seed, prompt. */
export const Gsm8kArgs = withPrompts(gsm8kPrompts, 'zero-shot-cot');

/** The GSM8K task (test split, 1,319 problems). Args: file, prompt ("zero-shot-cot" | "8-shot-cot"). */
export function gsm8kTask(args: Record<string, unknown> = {}): Task {
  const a = parseTaskArgs('gsm8k', Gsm8kArgs, args);
  const promptId = a.prompt;
  const prompt = gsm8kPrompts[promptId as keyof typeof gsm8kPrompts]!;
  return {
    name: 'gsm8k',
    benchmark: 'gsm8k',
    version: null,
    promptId,
    dataset: async (ctx) => {
      const f = await resolveDatasetFile(GSM8K_FILE, ctx, a.file ?? null);
      const items = gsm8kItems(f.path, inputText(f.path, f.data));
      expectCount(f.path, items.length, GSM8K_COUNT);
      return items;
    },
    prompt,
    scorer: gsm8kScorer,
    scorerVersion: 'gsm8k-number-3',
    metrics: mathAccuracyMetrics,
  };
}

export const gsm8kDefinition = defineTask({
  name: 'gsm8k',
  args: Gsm8kArgs,
  items: GSM8K_COUNT.toLocaleString('en-US'),
  build: gsm8kTask,
});

export default gsm8kTask;
