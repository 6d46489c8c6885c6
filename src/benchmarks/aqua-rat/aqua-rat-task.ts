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

export const AQUA_FILE: DatasetFile = {
  path: 'aqua_rat/test.json',
  sha256: 'de41581881ef95c5588c44ddc701c77fd480839241dd422a0d181262af24520c',
  bytes: 130192,
  urls: [githubRaw('google-deepmind/AQuA', '26b64ed1f22208c6742f47df547dfd65088ec30d', 'test.json')],
};
export const AQUA_COUNT = 254;

const Row = z.object({
  question: z.string().min(1),
  options: z.array(z.string().regex(/^[A-E]\)/, 'must start with "A)".."E)"')).length(5),
  rationale: z.string(),
  correct: z.enum(['A', 'B', 'C', 'D', 'E']),
});

/** AQuA-RAT test rows (one JSON object per line despite the .json name). */
export function aquaItems(file: string, text: string): Item[] {
  return validateRows(file, parseJsonl(file, text), Row).map((r, i) => ({
    id: String(i),
    input: r.question,
    target: r.correct,
    metadata: { letters: 'ABCDE', choices: r.options.map((o) => o.slice(2).trim()), rationale: r.rationale },
  }));
}

const prompts = { 'zero-shot-cot': choiceCot };

/** The arguments aqua-rat declares: file, seed, prompt. */
export const AquaRatArgs = withPrompts(prompts, 'zero-shot-cot');

/** AQuA-RAT (algebra word problems with 5 options; 254 test items). Args: file, prompt. */
export function aquaRatTask(args: Record<string, unknown> = {}): Task {
  const a = parseTaskArgs('aqua-rat', AquaRatArgs, args);
  const promptId = a.prompt;
  const prompt = prompts[promptId as keyof typeof prompts]!;
  return {
    name: 'aqua-rat',
    benchmark: 'aqua-rat',
    version: null,
    promptId,
    dataset: async (ctx) => {
      const f = await resolveDatasetFile(AQUA_FILE, ctx, a.file ?? null);
      const items = aquaItems(f.path, inputText(f.path, f.data));
      expectCount(f.path, items.length, AQUA_COUNT);
      return items;
    },
    prompt,
    scorer: choiceScorer,
    scorerVersion: 'choice-3',
    metrics: accuracyMetrics,
  };
}

export const aquaRatDefinition = defineTask({
  name: 'aqua-rat',
  args: AquaRatArgs,
  items: AQUA_COUNT.toLocaleString('en-US'),
  build: aquaRatTask,
});

export default aquaRatTask;
