import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { sharedEquivalencePool } from '../../src/adapters/equivalence-pool/equivalence-pool.ts';
import type { Item, Task } from '../../src/core/task/task.ts';
import { builtinRegistry } from '../../src/registry/builtin.ts';
import { sharedPath, skipWithoutShared } from '../helpers/shared-dir.ts';

// Every item of the real files, its gold answer written in the styles models answer in: each must score
// correct, and the answer of another item (when it differs) must not.
const ctx = { dataDir: sharedPath('datasets'), cacheDir: '/nonexistent/yardstick-cache', online: false };
after(() => sharedEquivalencePool().close());

type Style = [string, (i: Item) => string];

async function misses(taskId: string, styles: Style[]): Promise<string[]> {
  const task = (await builtinRegistry().build<Task>('task', taskId)).value;
  const items = await task.dataset(ctx);
  const out: string[] = [];
  for (const [name, write] of styles) {
    const scores = await Promise.all(items.map((i) => task.scorer({ text: write(i), reasoning: null }, i)));
    scores.forEach((s, k) => {
      if (s.verdict !== 'correct') out.push(`${name} ${items[k]!.id}: ${s.extracted} (${s.scoring?.rule})`);
    });
  }
  return out;
}

const work = (i: Item) => String(i.metadata.solution ?? '').split('####')[0]!;
const thousands = (n: string) => (/^\d{4,}$/.test(n) ? Number(n).toLocaleString('en-US') : n);

test('GSM8K: gold answers in nine answer styles all score correct', {
  skip: skipWithoutShared('datasets/gsm8k'),
}, async () => {
  const styles: Style[] = [
    ['kojima', (i) => `${work(i)}\nTherefore, the answer (arabic numerals) is ${i.target}.`],
    ['dollars', (i) => `Work.\nThe answer is $${thousands(i.target)}.`],
    ['final-latex', (i) => `Work.\nThe final answer is $${thousands(i.target)}$`],
    ['boxed', (i) => `${work(i)}\nSo the total is \\boxed{${i.target}}.`],
    ['boxed-then-check', (i) => `\\boxed{${i.target}}\n\nCheck: the answer is consistent with 3 + 4 = 7.`],
    [
      'continuation',
      (i) => `${work(i)}The answer is ${i.target}.\n\nQuestion: Tom has 5 apples. How many?\nAnswer: 8`,
    ],
    ['bold', (i) => `Work.\n\n**Answer:** ${thousands(i.target)}`],
    ['spaced', (i) => `The answer is ${i.target.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}.`],
    ['last-number', (i) => `${work(i)}\nShe ends up with ${thousands(i.target)} in total.`],
  ];
  assert.deepEqual(await misses('gsm8k', styles), []);
});

test('MATH-500: gold answers in ten answer styles all score correct', {
  skip: skipWithoutShared('datasets/math500'),
}, async () => {
  const styles: Style[] = [
    ['boxed-end', (i) => `Some work.\nThe final answer is $\\boxed{${i.target}}$.`],
    ['final-header', (i) => `Work.\n\n**Final Answer**\n\n\\[\n\\boxed{${i.target}}\n\\]`],
    ['minerva', (i) => `Work.\nFinal Answer: The final answer is $${i.target}$. I hope it is correct.`],
    ['answer-colon', (i) => `Work.\nThe answer is: $${i.target}$`],
    ['paren-math', (i) => `Therefore, the answer is \\(${i.target}\\).`],
    ['dfrac', (i) => `$\\boxed{${i.target.replace(/\\frac/g, '\\dfrac')}}$`],
    ['recheck', (i) => `\\boxed{${i.target}}\n\nWait, let me double-check: yes, the answer is correct.`],
    ['correction', (i) => `So $\\boxed{0.123}$. Hmm, I dropped a sign.\nThe final answer is $${i.target}$.`],
    [
      'continuation',
      (i) => `The answer is $\\boxed{${i.target}}$.\n\nQuestion: What is 2+2?\nThe answer is 4.`,
    ],
    ['display', (i) => `Thus\n$$\\boxed{${i.target}}$$`],
  ];
  assert.deepEqual(await misses('math-500', styles), []);
});

test('AQuA-RAT and CommonsenseQA: gold letters in eight answer styles all score correct', {
  skip: skipWithoutShared('datasets/aqua_rat') || skipWithoutShared('datasets/commonsenseqa'),
}, async () => {
  const option = (i: Item) =>
    (i.metadata.choices as string[])[(i.metadata.letters as string).indexOf(i.target)]!;
  const styles: Style[] = [
    ['kojima', (i) => `Therefore, among A through E, the answer is ${i.target}.`],
    ['paren', (i) => `Reasoning.\nThe answer is (${i.target}).`],
    ['bold', (i) => `Reasoning.\n\n**Answer: ${i.target}**`],
    ['boxed', (i) => `$\\boxed{${i.target}}$`],
    ['quoted', (i) => `I pick "${i.target}".`],
    ['comma', (i) => `${i.target}, because of the reasoning above.`],
    ['letter-and-text', (i) => `Reasoning.\n${i.target}) ${option(i)}`],
    ['text', (i) => `The answer is ${option(i)}`],
  ];
  assert.deepEqual(await misses('aqua-rat', styles), []);
  assert.deepEqual(await misses('commonsenseqa', styles), []);
});
