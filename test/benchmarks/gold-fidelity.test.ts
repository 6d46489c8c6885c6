import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { sharedEquivalencePool } from '../../src/adapters/equivalence-pool/equivalence-pool.ts';
import type { Item, Task } from '../../src/core/task/task.ts';
import { builtinRegistry } from '../../src/registry/builtin.ts';
import { sharedPath, skipWithoutShared } from '../helpers/shared-dir.ts';

// Fidelity on the real files: each benchmark's gold answers, given as model output, must score 100%.
const ctx = { dataDir: sharedPath('datasets'), cacheDir: '/nonexistent/yardstick-cache', online: false };
const registry = builtinRegistry();
after(() => sharedEquivalencePool().close());

async function goldScore(
  task: Task,
  items: Item[],
  output: (i: Item) => string,
): Promise<{ correct: number; wrong: string[] }> {
  const scores = await Promise.all(items.map((i) => task.scorer({ text: output(i), reasoning: null }, i)));
  const wrong = items.filter((_, k) => scores[k]!.verdict !== 'correct').map((i) => i.id);
  return { correct: items.length - wrong.length, wrong };
}

const option = (i: Item) =>
  (i.metadata.choices as string[])[(i.metadata.letters as string).indexOf(i.target)]!;

const cases: {
  id: string;
  dir: string;
  args?: Record<string, unknown>;
  count: number;
  outputs: [string, (i: Item) => string][];
}[] = [
  {
    id: 'gsm8k',
    dir: 'gsm8k',
    count: 1319,
    outputs: [
      ['the reference solution ("#### N")', (i) => String(i.metadata.solution)],
      ['"The answer is N."', (i) => `The answer is ${i.target}.`],
    ],
  },
  {
    id: 'math',
    dir: 'math',
    count: 5000,
    outputs: [
      ['the reference solution', (i) => String(i.metadata.solution)],
      ['the boxed answer', (i) => `So the answer is $\\boxed{${i.target}}$.`],
    ],
  },
  {
    id: 'math-500',
    dir: 'math500',
    count: 500,
    outputs: [['the boxed answer', (i) => `The final answer is $\\boxed{${i.target}}$.`]],
  },
  {
    id: 'aime-2024',
    dir: 'aime2024',
    count: 30,
    outputs: [['the boxed answer', (i) => `\\boxed{${i.target}}`]],
  },
  {
    id: 'aqua-rat',
    dir: 'aqua_rat',
    count: 254,
    outputs: [
      ['"Answer: X"', (i) => `Answer: ${i.target}`],
      ['the option text', (i) => `The answer is ${option(i)}`],
    ],
  },
  {
    id: 'commonsenseqa',
    dir: 'commonsenseqa',
    count: 1221,
    outputs: [
      ['"Answer: X"', (i) => `Answer: ${i.target}`],
      ['the option text', (i) => `The answer is ${option(i)}`],
    ],
  },
  {
    id: 'gpqa-diamond',
    dir: 'gpqa',
    count: 198,
    outputs: [
      ['"Answer: X"', (i) => `Answer: ${i.target}`],
      ['the option text', (i) => option(i)],
    ],
  },
  {
    id: 'hotpotqa',
    dir: 'hotpotqa',
    count: 7405,
    outputs: [['"Answer: <gold>"', (i) => `Answer: ${i.target}`]],
  },
  {
    id: 'hotpotqa',
    dir: 'hotpotqa',
    args: { setting: 'distractor' },
    count: 1100,
    outputs: [['"Answer: <gold>"', (i) => `Answer: ${i.target}`]],
  },
];

for (const c of cases) {
  const label = `${c.id}${c.args ? ` (${JSON.stringify(c.args)})` : ''}`;
  test(`${label}: all ${c.count} gold answers given as model output score 100%`, {
    skip: skipWithoutShared(`datasets/${c.dir}`),
  }, async () => {
    const task = (await registry.build<Task>('task', c.id, c.args ?? {})).value;
    const items = await task.dataset(ctx);
    assert.equal(items.length, c.count);
    assert.equal(new Set(items.map((i) => i.id)).size, c.count, 'item ids are unique');
    for (const [what, output] of c.outputs) {
      const r = await goldScore(task, items, output);
      assert.deepEqual(r.wrong, [], `${what}: ${r.correct}/${items.length}`);
    }
  });
}

test('MATH-500: the full reference solutions, used as responses, all score correct', {
  skip: skipWithoutShared('datasets/math500'),
}, async () => {
  const task = (await registry.build<Task>('task', 'math-500')).value;
  const items = await task.dataset(ctx);
  const r = await goldScore(task, items, (i) => String(i.metadata.solution));
  assert.deepEqual(r.wrong, [], `${r.correct}/${items.length}`);
});

test('GPQA Diamond: the same seed gives the same option order and a different seed another', {
  skip: skipWithoutShared('datasets/gpqa'),
}, async () => {
  const load = async (seed: number) =>
    (await (await registry.build<Task>('task', 'gpqa-diamond', { seed })).value.dataset(ctx))
      .map((i) => i.target)
      .join('');
  const a = await load(0);
  assert.equal(await load(0), a);
  assert.notEqual(await load(1), a);
  // the correct letter is spread over A-D, not stuck at one position
  for (const l of 'ABCD') assert.ok(a.split(l).length - 1 > 25, `letter ${l}`);
});
