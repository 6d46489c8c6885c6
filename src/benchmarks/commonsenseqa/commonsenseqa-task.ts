import { z } from 'zod';
import { type DatasetFile, githubRaw } from '../../adapters/datasets/dataset-file.ts';
import { expectCount, parseJsonl, validateRows } from '../../adapters/datasets/read-rows.ts';
import { resolveDatasetFile } from '../../adapters/datasets/resolve-dataset-file.ts';
import { inputText } from '../../adapters/files/input-text.ts';
import type { Item, Task } from '../../core/task/task.ts';
import { choiceCot } from '../common/choice-prompts.ts';
import { choiceScorer } from '../common/choice-scorer.ts';
import { accuracyMetrics } from '../common/standard-metrics.ts';
import { parseTaskArgs } from '../../core/task/parse-task-args.ts';
import { defineTask } from '../../core/task/task-definition.ts';
import { withPrompts } from '../common/task-args.ts';

export const CSQA_FILE: DatasetFile = {
  path: 'commonsenseqa/dev_rand_split.jsonl',
  sha256: '3210497fdaae614ac085d9eb873dd7f4d49b6f965a93adadc803e1229fd8a02a',
  bytes: 471653,
  urls: [
    githubRaw(
      'kojima-takeshi188/zero_shot_cot',
      '5ef330fcdeec0cd26aee27943504f91f8ec1c33c',
      'dataset/CommonsenseQA/dev_rand_split.jsonl',
    ),
  ],
};
export const CSQA_COUNT = 1221;

const Row = z.object({
  answerKey: z.enum(['A', 'B', 'C', 'D', 'E']),
  id: z.string().min(1),
  question: z.object({
    stem: z.string().min(1),
    choices: z.array(z.object({ label: z.string().length(1), text: z.string() })).length(5),
  }),
});

export function commonsenseqaItems(file: string, text: string): Item[] {
  return validateRows(file, parseJsonl(file, text), Row).map((r) => ({
    id: r.id,
    input: r.question.stem,
    target: r.answerKey,
    metadata: {
      letters: r.question.choices.map((c) => c.label).join(''),
      choices: r.question.choices.map((c) => c.text),
    },
  }));
}

const prompts = { 'zero-shot-cot': choiceCot };

/** The arguments commonsenseqa declares: file, seed, prompt. */
export const CommonsenseqaArgs = withPrompts(prompts, 'zero-shot-cot');

/** CommonsenseQA (validation set of the random split, 1,221 questions). Args: file, prompt. */
export function commonsenseqaTask(args: Record<string, unknown> = {}): Task {
  const a = parseTaskArgs('commonsenseqa', CommonsenseqaArgs, args);
  const promptId = a.prompt;
  const prompt = prompts[promptId as keyof typeof prompts]!;
  return {
    name: 'commonsenseqa',
    benchmark: 'commonsenseqa',
    version: null,
    promptId,
    dataset: async (ctx) => {
      const f = await resolveDatasetFile(CSQA_FILE, ctx, a.file ?? null);
      const items = commonsenseqaItems(f.path, inputText(f.path, f.data));
      expectCount(f.path, items.length, CSQA_COUNT);
      return items;
    },
    prompt,
    scorer: choiceScorer,
    scorerVersion: 'choice-3',
    metrics: accuracyMetrics,
  };
}

export const commonsenseqaDefinition = defineTask({
  name: 'commonsenseqa',
  args: CommonsenseqaArgs,
  items: CSQA_COUNT.toLocaleString('en-US'),
  build: commonsenseqaTask,
});

export default commonsenseqaTask;
