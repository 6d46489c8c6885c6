import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { humanevalTask as humaneval, problemOf } from '../../src/benchmarks/humaneval/humaneval-task.ts';
import type { Item, Task } from '../../src/core/task/task.ts';
import { executorForFile, skipWithoutBwrap } from '../helpers/bwrap.ts';
import { SHARED_DIR, skipWithoutShared } from '../helpers/shared-dir.ts';

const skip = skipWithoutBwrap() || skipWithoutShared('datasets/humaneval/HumanEval.jsonl.gz');
const executor = executorForFile(skip);
let task: Task;
let items: Item[];

before(async () => {
  if (skip) return;
  task = humaneval({ executor: executor() });
  items = await task.dataset({ dataDir: `${SHARED_DIR}datasets`, cacheDir: '/nonexistent', online: false });
});

const score = (completion: string, item: Item) => task.scorer({ text: completion, reasoning: null }, item);

test('HumanEval has 164 problems with tests and entry points', { skip }, () => {
  assert.equal(items.length, 164);
  assert.equal(items[0]!.id, 'HumanEval/0');
  assert.equal(problemOf(items[0]!).entryPoint, 'has_close_elements');
});

test('every canonical solution passes (164/164)', { skip }, async () => {
  const scores = await Promise.all(items.map((it) => score(it.target, it)));
  const failed = items.filter((_, i) => scores[i]!.verdict !== 'correct').map((it) => it.id);
  assert.deepEqual(failed, []);
});

test('the canonical solutions made wrong fail', { skip }, async () => {
  // The body returns a fresh object first: equal to nothing the tests expect.
  const scores = await Promise.all(items.map((it) => score(`    return object()\n${it.target}`, it)));
  const passed = items.filter((_, i) => scores[i]!.verdict !== 'incorrect').map((it) => it.id);
  assert.deepEqual(passed, []);
});

test('the canonical solutions made non-terminating time out', { skip }, async () => {
  const some = items.filter((_, i) => i % 41 === 0);
  const scores = await Promise.all(
    some.map((it) => score(`    while True:\n        pass\n${it.target}`, it)),
  );
  for (const s of scores) {
    assert.equal(s.verdict, 'incorrect');
    const tests = (s.details as { tests: { verdict: string }[] }).tests;
    assert.equal(tests[0]!.verdict, 'timeout');
  }
});

test('a model answer in a markdown fence after reasoning is extracted and checked', { skip }, async () => {
  const it = items[0]!;
  const answer = `<think>close pairs...</think>Here it is:\n\n\`\`\`python\n${it.input}${it.target}\`\`\`\n`;
  const s = await score(answer, it);
  assert.equal(s.verdict, 'correct');
});
