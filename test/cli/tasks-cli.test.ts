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

test('tasks and recipes list the evaluation recipes; recipes gives their values', () => {
  const rows = JSON.parse(runCli(['tasks', '--json']).stdout) as { kind: string; name: string }[];
  assert.deepEqual(
    rows.filter((x) => x.kind === 'recipe').map((x) => x.name),
    ['r1', 'greedy'],
  );
  const table = runCli(['recipes']);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /r1@1\s+0\.6\s+0\.95\s+32768\s+16, aime-2024: 64/);
  const json = JSON.parse(runCli(['recipes', '--json']).stdout) as {
    name: string;
    samplesByBenchmark: object;
  }[];
  assert.deepEqual(json.find((r) => r.name === 'r1')?.samplesByBenchmark, {
    'aime-2024': 64,
    'aime-2025': 64,
  });
});
