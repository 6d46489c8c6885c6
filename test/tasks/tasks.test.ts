import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Task } from '../../src/core/task/task.ts';
import { builtinRegistry } from '../../src/registry/builtin.ts';
import { arithmeticItems, scoreNumber } from '../../src/tasks/arithmetic/arithmetic-task.ts';
import { parseYamlTask } from '../../src/tasks/yaml/load-yaml-task.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-tasks-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const ctx = { dataDir: null, cacheDir: dir, online: false };

test('arithmetic problems are the same for the same seed, differ across seeds, and have consistent targets', () => {
  const a = arithmeticItems(50, 3);
  assert.deepEqual(a, arithmeticItems(50, 3));
  assert.notDeepEqual(a, arithmeticItems(50, 4));
  assert.equal(new Set(a.map((i) => i.id)).size, 50);
  for (const item of a) {
    const nums = (item.input.match(/\d+/g) ?? []).map(Number);
    const t = Number(item.target);
    const k = item.metadata.kind;
    if (k === 0) assert.equal(t, nums[0]! + nums[1]! - nums[2]!);
    if (k === 1) assert.equal(t, nums[0]! * nums[1]! + nums[2]!);
    if (k === 2) assert.equal(t, nums[0]! / nums[1]!);
  }
});

test('the number scorer compares the last number of the answer with the target', () => {
  const item = { id: 'x', input: '', target: '1234', metadata: {} };
  assert.equal(scoreNumber('so 12 + 1222 = 1,234', item).verdict, 'correct');
  assert.equal(scoreNumber('The answer is 1233.', item).verdict, 'incorrect');
  assert.deepEqual(scoreNumber('no idea', item), { extracted: null, verdict: 'no-answer', value: 0 });
});

test('the arithmetic task is built from the registry with its args recorded', async () => {
  const { value, ref } = await builtinRegistry().build<Task>('task', 'arithmetic', { count: 5, seed: 1 });
  assert.deepEqual(ref, { kind: 'task', name: 'arithmetic', args: { count: 5, seed: 1 } });
  const items = await value.dataset(ctx);
  assert.equal(items.length, 5);
  assert.equal(value.prompt(items[0]!).at(-1)?.content, items[0]!.input);
});

test('a YAML task loads its JSONL dataset, fills placeholders, adds few-shot turns and uses a registry scorer', async () => {
  writeFileSync(
    join(dir, 'data.jsonl'),
    '{"q":"2+2?","a":"4","topic":"add"}\n{"q":"3*3?","a":"9","topic":"mul"}\n',
  );
  const file = join(dir, 'task.yaml');
  writeFileSync(
    file,
    `name: tiny
benchmark: tiny-math
dataset:
  path: data.jsonl
  input: q
  target: a
prompt:
  system: Be brief.
  fewshot:
    - input: 1+1?
      target: "2"
  messages:
    - role: user
      content: "({{topic}}) {{input}}"
scorer: number
`,
  );
  const { value: task } = await builtinRegistry().build<Task>('task', 'yaml', { path: file });
  const items = await task.dataset(ctx);
  assert.equal(items.length, 2);
  assert.deepEqual(task.prompt(items[0]!), [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: '() 1+1?' },
    { role: 'assistant', content: 'The answer is 2.' },
    { role: 'user', content: '(add) 2+2?' },
  ]);
  assert.equal((await task.scorer({ text: 'It is 4', reasoning: null }, items[0]!)).verdict, 'correct');
});

test('YAML task errors name the file, line and field', () => {
  const bad = `name: tiny
benchmark: Not A Slug
dataset:
  path: data.jsonl
prompt: {}
`;
  assert.throws(
    () => parseYamlTask('t.yaml', bad),
    /^UserError: t\.yaml:2: benchmark: must be a lowercase slug/,
  );
  assert.throws(() => parseYamlTask('t.yaml', 'name: x\nbenchmark: b\nprompt: {}\n'), /t\.yaml:1: dataset: /);
  assert.throws(
    () =>
      parseYamlTask(
        't.yaml',
        'name: x\nbenchmark: b\ndataset: {path: d}\nprompt:\n  messages:\n    - role: robot\n      content: hi\n',
      ),
    /t\.yaml:6: prompt\.messages\.0\.role/,
  );
  assert.throws(
    () => parseYamlTask('t.yaml', 'name: x\nbenchmark: b\ndataset: {path: d}\nprompt: {}\nscorr: number\n'),
    /t\.yaml:1: \(file\).*scorr/,
  );
  assert.throws(() => parseYamlTask('t.yaml', 'name: [x\n'), /t\.yaml:\d+: invalid YAML/);
});
