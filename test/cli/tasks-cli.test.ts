import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../helpers/run-cli.ts';

test('tasks lists every built-in benchmark task and provider from the registry', () => {
  const r = runCli(['tasks', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as { kind: string; name: string }[];
  const tasks = rows.filter((x) => x.kind === 'task').map((x) => x.name);
  for (const id of [
    'gsm8k',
    'math',
    'math-500',
    'aime-2024',
    'aqua-rat',
    'commonsenseqa',
    'gpqa-diamond',
    'hotpotqa',
    'humaneval',
    'mbpp',
    'livecodebench',
  ])
    assert.ok(tasks.includes(id), id);
  assert.ok(rows.some((x) => x.kind === 'provider' && x.name === 'openai-chat'));
});
