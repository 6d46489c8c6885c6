import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { mbppTask as mbpp } from '../../src/benchmarks/mbpp/mbpp-task.ts';
import type { Item, Task } from '../../src/core/task/task.ts';
import { executorForFile, skipWithoutBwrap } from '../helpers/bwrap.ts';
import { SHARED_DIR, skipWithoutShared } from '../helpers/shared-dir.ts';

const skip = skipWithoutBwrap() || skipWithoutShared('datasets/mbpp/mbpp.jsonl');
const executor = executorForFile(skip);
let task: Task;
let items: Item[];
before(async () => {
  if (skip) return;
  task = mbpp({ executor: executor() });
  items = await task.dataset({ dataDir: `${SHARED_DIR}datasets`, cacheDir: '/nonexistent', online: false });
});
const score = (text: string, item: Item) => task.scorer({ text, reasoning: null }, item);

test('MBPP test split is task ids 11-510 with their assertion lists', { skip }, () => {
  assert.equal(items.length, 500);
  assert.equal(items[0]!.id, 'mbpp/11');
  assert.equal(items.at(-1)!.id, 'mbpp/510');
  assert.ok(items.every((it) => (it.metadata.tests as string[]).length >= 3));
});

test('reference solutions pass on a sample of problems, with a verdict per assertion', { skip }, async () => {
  const some = items.filter((_, i) => i % 10 === 0);
  const scores = await Promise.all(some.map((it) => score(`\`\`\`python\n${it.target}\n\`\`\``, it)));
  assert.deepEqual(
    some.filter((_, i) => scores[i]!.verdict !== 'correct').map((it) => it.id),
    [],
  );
  const tests = (scores[0]!.details as { tests: { verdict: string }[] }).tests;
  assert.deepEqual(
    tests.map((t) => t.verdict),
    ['pass', 'pass', 'pass'],
  );
});

test('a solution that fails the second assertion fails it and skips the third', { skip }, async () => {
  const it = items[0]!; // remove_Occ: remove first and last occurrence of a char
  const hack = `def remove_Occ(s, ch):\n    return "heo" if s == "hello" else None\n`;
  const s = await score(hack, it);
  assert.equal(s.verdict, 'incorrect');
  const tests = (s.details as { tests: { verdict: string }[] }).tests.map((t) => t.verdict);
  assert.deepEqual(tests, ['pass', 'fail', 'skipped']);
});
