import { z } from 'zod';
import { type DatasetFile, githubRaw } from '../../adapters/datasets/dataset-file.ts';
import {
  expectCount,
  parseJsonDocument,
  parseJsonl,
  validateRows,
} from '../../adapters/datasets/read-rows.ts';
import { resolveDatasetFile } from '../../adapters/datasets/resolve-dataset-file.ts';
import { inputText } from '../../adapters/files/input-text.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { extractShortAnswer, squadExactMatch, squadF1 } from '../../core/extract/normalize-squad.ts';
import type { Item, Metric, Scorer, Task } from '../../core/task/task.ts';
import { meanScore } from '../../core/metrics/accuracy.ts';
import { extractionFailureRate } from '../../core/metrics/extraction-failure-rate.ts';
import {
  groupByQuestion,
  metricFromQuestions,
  samplesPerQuestion,
} from '../../core/metrics/question-scores.ts';
import { parseTaskArgs } from '../../core/task/parse-task-args.ts';
import { defineTask } from '../../core/task/task-definition.ts';
import { TaskArgs } from '../common/task-args.ts';
import { hotpotqaPrompts } from './hotpotqa-prompts.ts';

const REACT = '6bdb3a1fd38b8188fc7ba4102969fe483df8fdc9';
const RPT = 'cf2bc1b1b4edd0318b84179e732ec476c4e20a6e';

/** All 7,405 dev questions with answers, no contexts (ReAct's copy). */
export const HOTPOT_DEV_FILE: DatasetFile = {
  path: 'hotpotqa/hotpot_dev_v1_simplified.json',
  sha256: '05001dcdeb2b2b2243a88f23daaf8de9237494cd387e13bc25854d3e031101d3',
  bytes: 1179017,
  urls: [githubRaw('ysymyth/ReAct', REACT, 'data/hotpot_dev_v1_simplified.json')],
};
export const HOTPOT_DEV_COUNT = 7405;

/** Three disjoint random samples of the dev distractor set with full records (RPT). */
export const HOTPOT_DISTRACTOR_FILES: { file: DatasetFile; count: number }[] = [
  ['test', '3ab48ee61e64301dff1efbb956ca5ebdfcd1569a2e9d7381fd882e070badfb2a', 3124218, 500],
  ['dev', 'c6fa5317cc316b65b3c82d441ea641aef4a588b4aaec9377bbd167637d8665e8', 1879309, 300],
  ['train', 'e587f80176337ff705ca2f9c178f2bd784280b388abf302ad4071c482baa0dfb', 1855706, 300],
].map(([split, sha256, bytes, count]) => ({
  file: {
    path: `hotpotqa/rpt_distractor_validation_sample_${split}.jsonl`,
    sha256: sha256 as string,
    bytes: bytes as number,
    urls: [githubRaw('megagonlabs/RPT', RPT, `data/hotpotqa/${split}.jsonl`)],
  },
  count: count as number,
}));

const SimpleRow = z.object({ question: z.string().min(1), answer: z.string(), type: z.string() });
const FullRow = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  answer: z.string(),
  type: z.string(),
  level: z.string(),
  context: z.object({ title: z.array(z.string()), sentences: z.array(z.array(z.string())) }),
});

/** The closed-book set: the JSON array of {question, answer, type}; ids are "dev-<index>". */
export function hotpotClosedBookItems(file: string, text: string): Item[] {
  const data = parseJsonDocument(file, text);
  if (!Array.isArray(data)) throw new UserError(`${file}: expected a JSON array`, EXIT.invalidInput);
  const rows = validateRows(
    file,
    data.map((value, i) => ({ line: i, value })),
    SimpleRow,
    'element',
  );
  return rows.map((r, i) => ({
    id: `dev-${i}`,
    input: r.question,
    target: r.answer,
    metadata: { type: r.type },
  }));
}

/** The distractor set: full records with their 10 context paragraphs. */
export function hotpotDistractorItems(file: string, text: string): Item[] {
  return validateRows(file, parseJsonl(file, text), FullRow).map((r) => ({
    id: r.id,
    input: r.question,
    target: r.answer,
    metadata: {
      type: r.type,
      level: r.level,
      context: r.context.title.map((t, i) => ({ title: t, text: (r.context.sentences[i] ?? []).join('') })),
    },
  }));
}

/** Score value is token F1 (partial credit); the verdict is "correct" only on an exact match. */
export const hotpotqaScorer: Scorer = (completion, item) => {
  const answer = extractShortAnswer(completion.text);
  if (answer === null) return { extracted: null, verdict: 'no-answer', value: 0 };
  const em = squadExactMatch(answer, item.target);
  const f1 = squadF1(answer, item.target);
  return {
    extracted: answer,
    verdict: em === 1 ? 'correct' : 'incorrect',
    value: f1.f1,
    details: { em, f1: f1.f1, precision: f1.precision, recall: f1.recall },
  };
};

/** Exact match (SQuAD normalisation), per question then averaged. */
export const exactMatch: Metric = (samples) => {
  const groups = groupByQuestion(samples);
  const per = [...groups.values()].map((g) => g.filter((s) => s.verdict === 'correct').length / g.length);
  return metricFromQuestions('exact-match', per, samplesPerQuestion(groups));
};

/** The arguments hotpotqa declares: file (closed-book only), seed, setting (which also picks the prompt). */
export const HotpotqaArgs = TaskArgs.extend({
  setting: z
    .enum(['closed-book', 'distractor'])
    .default('closed-book')
    .describe('closed-book: questions alone; distractor: with 10 gold and distractor paragraphs'),
});

/**
 * HotpotQA. `setting` "closed-book" (default): all 7,405 dev questions without contexts;
 * "distractor": 1,100 dev questions with their 10 gold+distractor paragraphs (three RPT samples).
 * Args: file (closed-book only), prompt, setting.
 */
export function hotpotqaTask(args: Record<string, unknown> = {}): Task {
  const a = parseTaskArgs('hotpotqa', HotpotqaArgs, args);
  const prompt = hotpotqaPrompts[a.setting];
  return {
    name: 'hotpotqa',
    benchmark: 'hotpotqa',
    version: a.setting,
    promptId: `zero-shot-cot-${a.setting}`,
    dataset: async (ctx) => {
      if (a.setting === 'closed-book') {
        const f = await resolveDatasetFile(HOTPOT_DEV_FILE, ctx, a.file ?? null);
        const items = hotpotClosedBookItems(f.path, inputText(f.path, f.data));
        expectCount(f.path, items.length, HOTPOT_DEV_COUNT);
        return items;
      }
      const out: Item[] = [];
      for (const { file, count } of HOTPOT_DISTRACTOR_FILES) {
        const f = await resolveDatasetFile(file, ctx, null);
        const items = hotpotDistractorItems(f.path, inputText(f.path, f.data));
        expectCount(f.path, items.length, count);
        out.push(...items);
      }
      return out;
    },
    prompt,
    scorer: hotpotqaScorer,
    scorerVersion: 'squad-em-f1-1',
    metrics: [exactMatch, meanScore('f1'), extractionFailureRate],
  };
}

export default hotpotqaTask;

export const hotpotqaDefinition = defineTask({
  name: 'hotpotqa',
  args: HotpotqaArgs,
  items: `${HOTPOT_DEV_COUNT.toLocaleString('en-US')} closed-book, ${HOTPOT_DISTRACTOR_FILES.reduce((n, f) => n + f.count, 0).toLocaleString('en-US')} distractor`,
  build: hotpotqaTask,
});
