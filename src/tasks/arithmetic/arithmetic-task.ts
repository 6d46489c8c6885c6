import { z } from 'zod';
import { parseTaskArgs } from '../../core/task/parse-task-args.ts';
import { defineTask } from '../../core/task/task-definition.ts';
import { lastNumber } from '../../core/extract/extract-number.ts';
import { meanScore } from '../../core/metrics/accuracy.ts';
import { seededRandom } from '../../core/stats/seeded-random.ts';
import type { Item, Score, Task } from '../../core/task/task.ts';

const NAMES = ['Ada', 'Bo', 'Chen', 'Dara', 'Eli', 'Fatima', 'Goran', 'Hana'];
const THINGS = ['apples', 'marbles', 'stamps', 'books', 'coins', 'shells'];

/** `count` arithmetic word problems generated from `seed`: the project's own small benchmark. */
export function arithmeticItems(count: number, seed: number): Item[] {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const items: Item[] = [];
  for (let i = 0; i < count; i++) {
    const who = NAMES[int(0, NAMES.length - 1)]!;
    const what = THINGS[int(0, THINGS.length - 1)]!;
    const a = int(2, 60);
    const b = int(2, 40);
    const kind = int(0, 2);
    let input: string;
    let target: number;
    if (kind === 0) {
      const c = int(1, a + b - 1);
      input = `${who} has ${a} ${what}, gets ${b} more and gives ${c} away. How many ${what} does ${who} have now?`;
      target = a + b - c;
    } else if (kind === 1) {
      const boxes = int(2, 9);
      input = `${who} fills ${boxes} boxes with ${a} ${what} each and has ${b} left over. How many ${what} were there?`;
      target = boxes * a + b;
    } else {
      const groups = int(2, 9);
      input = `${who} shares ${a * groups} ${what} equally among ${groups} friends. How many ${what} does each friend get?`;
      target = a;
    }
    items.push({
      id: `arith-${String(i).padStart(5, '0')}`,
      input,
      target: String(target),
      metadata: { kind },
    });
  }
  return items;
}

/** Numeric scorer: the last number in the answer must equal the target. */
export function scoreNumber(text: string, item: Item): Score {
  const extracted = lastNumber(text);
  if (extracted === null) return { extracted: null, verdict: 'no-answer', value: 0 };
  const ok = Number(extracted) === Number(item.target);
  return { extracted, verdict: ok ? 'correct' : 'incorrect', value: ok ? 1 : 0 };
}

export const ARITHMETIC_SYSTEM = 'Solve the problem. Think step by step, then end with "The answer is N."';

/** The arguments arithmetic declares. */
export const ArithmeticArgs = z.object({
  count: z.number().int().positive().default(200).describe('how many problems to generate'),
  seed: z.number().int().default(0).describe('seed the problems are generated from'),
});

/** The built-in arithmetic task: `count` problems generated from `seed`. */
export function arithmeticTask(args: Record<string, unknown> = {}): Task {
  const { count, seed } = parseTaskArgs('arithmetic', ArithmeticArgs, args);
  return {
    name: 'arithmetic',
    benchmark: 'arithmetic',
    version: `count=${count},seed=${seed}`,
    promptId: 'zero-shot-cot',
    dataset: async () => arithmeticItems(count, seed),
    prompt: (item) => [
      { role: 'system', content: ARITHMETIC_SYSTEM },
      { role: 'user', content: item.input },
    ],
    scorer: (completion, item) => scoreNumber(completion.text, item),
    scorerVersion: 'last-number-1',
    metrics: [meanScore('accuracy')],
  };
}

export const arithmeticDefinition = defineTask({
  name: 'arithmetic',
  args: ArithmeticArgs,
  items: 'count (200 unless set)',
  build: arithmeticTask,
});
