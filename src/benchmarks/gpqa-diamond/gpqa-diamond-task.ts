import { z } from 'zod';
import { type DatasetFile, githubRaw } from '../../adapters/datasets/dataset-file.ts';
import { expectCount, parseCsvRows, validateRows } from '../../adapters/datasets/read-rows.ts';
import { inputText } from '../../adapters/files/input-text.ts';
import { readZipEntry } from '../../adapters/datasets/read-zip.ts';
import { resolveDatasetFile } from '../../adapters/datasets/resolve-dataset-file.ts';
import type { Item, Task } from '../../core/task/task.ts';
import { choiceCot } from '../common/choice-prompts.ts';
import { choiceScorer } from '../common/choice-scorer.ts';
import { passAt1Metrics } from '../common/standard-metrics.ts';
import { parseTaskArgs } from '../../core/task/parse-task-args.ts';
import { defineTask } from '../../core/task/task-definition.ts';
import { withPrompts } from '../common/task-args.ts';
import { shuffleChoices } from './shuffle-choices.ts';

/** The official GPQA archive (idavidrein/gpqa), encrypted; copied from a fork at a pinned commit. */
export const GPQA_FILE: DatasetFile = {
  path: 'gpqa/dataset.zip',
  sha256: '461ae7329f15a3e35f8184d2dac24b990f34fdf12f366ca4062d8e6638cd08dc',
  bytes: 2348038,
  urls: [githubRaw('jacobmcc-ax/gpqa-enhanced', '4bc42dce634b6529a391ca50e41f33c1cf127d5a', 'dataset.zip')],
};
export const GPQA_DIAMOND_COUNT = 198;
const ENTRY = 'dataset/gpqa_diamond.csv';

/**
 * The archive password, stated publicly by the GPQA authors in the idavidrein/gpqa README
 * ("dataset.zip … is password-proteced with this password: deserted-untie-orchid"). It keeps the
 * questions out of web crawls; the authors ask that examples not be posted in plain text. Override
 * with $YARDSTICK_GPQA_PASSWORD.
 */
export const GPQA_PASSWORD = 'deserted-untie-orchid';

const Row = z.object({
  Question: z.string().min(1),
  'Correct Answer': z.string().min(1),
  'Incorrect Answer 1': z.string().min(1),
  'Incorrect Answer 2': z.string().min(1),
  'Incorrect Answer 3': z.string().min(1),
  'Record ID': z.string().min(1),
  Subdomain: z.string(),
  'High-level domain': z.string(),
});

/**
 * GPQA Diamond items, read from the encrypted zip in memory only: the CSV is decrypted and inflated
 * into a buffer and parsed; no plain text is ever written to disk. The four options are shuffled per
 * question with `seed`, so the correct answer's letter is uniform and reproducible.
 */
export function gpqaDiamondItems(file: string, zip: Buffer, seed: number, password = GPQA_PASSWORD): Item[] {
  const name = `${file}:${ENTRY}`;
  const csv = inputText(name, readZipEntry(zip, ENTRY, password, file));
  const rows = validateRows(name, parseCsvRows(name, csv), Row);
  return rows.map((r) => {
    const opts = [
      r['Correct Answer'],
      r['Incorrect Answer 1'],
      r['Incorrect Answer 2'],
      r['Incorrect Answer 3'],
    ].map((s) => s.trim());
    const { options, correctIndex } = shuffleChoices(opts, seed, r['Record ID']);
    return {
      id: r['Record ID'],
      input: r.Question.trim(),
      target: 'ABCD'[correctIndex]!,
      metadata: {
        letters: 'ABCD',
        choices: options,
        subdomain: r.Subdomain,
        domain: r['High-level domain'],
        seed,
      },
    };
  });
}

const prompts = { 'zero-shot-cot': choiceCot };

/** The arguments gpqa-diamond declares: file, seed, prompt. */
export const GpqaDiamondArgs = withPrompts(prompts, 'zero-shot-cot');

/** GPQA Diamond (198 questions). Args: file, prompt, seed (option shuffling, default 0). */
export function gpqaDiamondTask(args: Record<string, unknown> = {}): Task {
  const a = parseTaskArgs('gpqa-diamond', GpqaDiamondArgs, args);
  const promptId = a.prompt;
  const prompt = prompts[promptId as keyof typeof prompts]!;
  return {
    name: 'gpqa-diamond',
    benchmark: 'gpqa-diamond',
    version: null,
    promptId,
    dataset: async (ctx) => {
      const f = await resolveDatasetFile(GPQA_FILE, ctx, a.file ?? null);
      const items = gpqaDiamondItems(
        f.path,
        f.data,
        a.seed,
        process.env.YARDSTICK_GPQA_PASSWORD || GPQA_PASSWORD,
      );
      expectCount(f.path, items.length, GPQA_DIAMOND_COUNT);
      return items;
    },
    prompt,
    scorer: choiceScorer,
    scorerVersion: 'choice-3',
    metrics: passAt1Metrics,
  };
}

export const gpqaDiamondDefinition = defineTask({
  name: 'gpqa-diamond',
  args: GpqaDiamondArgs,
  items: GPQA_DIAMOND_COUNT.toLocaleString('en-US'),
  build: gpqaDiamondTask,
});

export default gpqaDiamondTask;
