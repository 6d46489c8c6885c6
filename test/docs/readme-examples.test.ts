import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { EvalSuite } from '../../src/app/eval/eval-suite.ts';
import type { Task } from '../../src/core/task/task.ts';
import { builtinRegistry } from '../../src/registry/builtin.ts';
import { parseYamlFile } from '../../src/tasks/yaml/parse-yaml-file.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The README's fenced YAML block whose first line is `# name`. */
function yamlBlock(name: string): string {
  const block = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .find((b) => b.startsWith(`# ${name}\n`));
  assert.ok(block, `README has a yaml block for ${name}`);
  return block;
}

test("the README's task file example loads and builds a task that scores its own answers correct", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ys-readme-'));
  try {
    writeFileSync(join(dir, 'task.yaml'), yamlBlock('task.yaml'));
    writeFileSync(
      join(dir, 'capitals.jsonl'),
      '{"question": "Capital of France?", "answer": "Paris", "qid": "fr"}\n',
    );
    const { value: task } = await builtinRegistry().build<Task>('task', 'yaml', {
      path: join(dir, 'task.yaml'),
    });
    const items = await task.dataset({ dataDir: null, cacheDir: dir, online: false });
    assert.deepEqual(
      items.map((i) => [i.id, i.input, i.target]),
      [['fr', 'Capital of France?', 'Paris']],
    );
    const messages = task.prompt(items[0]!);
    assert.equal(messages[0]!.content, 'Answer with the city name only.');
    assert.deepEqual(messages.slice(1, 3), [
      { role: 'user', content: 'Capital of Italy?' },
      { role: 'assistant', content: 'Rome' },
    ]);
    assert.equal(messages.at(-1)!.content, 'Capital of France?');
    assert.equal((await task.scorer({ text: 'Paris', reasoning: null }, items[0]!)).verdict, 'correct');
    assert.equal(task.metrics.length, 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the README's suite file example is a valid suite whose task arguments every benchmark accepts", async () => {
  const suite = parseYamlFile('suite.yaml', EvalSuite, yamlBlock('suite.yaml'));
  assert.equal(suite.models.length, 2);
  for (const b of suite.benchmarks) await builtinRegistry().build<Task>('task', b, suite.taskArgs);
});
