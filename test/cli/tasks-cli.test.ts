import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

test('tasks shows, per task, its item count, prompts, declared arguments with defaults and allowed values, and metrics', () => {
  const rows = JSON.parse(runCli(['tasks', '--json']).stdout) as {
    kind: string;
    name: string;
    items: string;
    prompts: string[];
    args: { name: string; default?: unknown; allowed?: unknown[] }[];
    metrics: string[] | null;
  }[];
  const gsm8k = rows.find((r) => r.kind === 'task' && r.name === 'gsm8k')!;
  assert.equal(gsm8k.items, '1,319');
  assert.deepEqual(gsm8k.prompts, ['zero-shot-cot', '8-shot-cot']);
  assert.deepEqual(gsm8k.metrics, ['accuracy', 'maj@k', 'extraction-failure-rate']);
  const prompt = gsm8k.args.find((a) => a.name === 'prompt')!;
  assert.equal(prompt.default, 'zero-shot-cot');
  assert.deepEqual(prompt.allowed, ['zero-shot-cot', '8-shot-cot']);
  const hotpot = rows.find((r) => r.name === 'hotpotqa')!;
  assert.deepEqual(hotpot.args.find((a) => a.name === 'setting')!.allowed, ['closed-book', 'distractor']);
  assert.deepEqual(rows.find((r) => r.name === 'humaneval')!.metrics, ['pass@1']);

  const text = runCli(['tasks']).stdout;
  assert.match(
    text,
    /^gsm8k: .*\n {2}items {4}1,319\n {2}prompts {2}zero-shot-cot \(default\), 8-shot-cot\n {2}metrics {2}accuracy, maj@k, extraction-failure-rate\n/m,
  );
  assert.match(text, /prompt +one of zero-shot-cot \| 8-shot-cot, default zero-shot-cot/);
});

test('a mistyped task argument or value is rejected in one line with a suggestion, before any run is recorded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ys-taskargs-'));
  try {
    const store = join(dir, 'store.db');
    const base = ['--store', store, 'eval', '-m', 'openai:m@http://127.0.0.1:9/v1', '-b', 'gsm8k'];
    const typo = runCli([...base, '--task-arg', 'promt=8-shot-cot']);
    assert.equal(typo.status, 2);
    assert.equal(typo.stderr, 'yardstick: task gsm8k: unknown argument "promt" (did you mean prompt?)\n');
    const value = runCli([...base, '--task-arg', 'prompt=8-shot']);
    assert.equal(value.status, 2);
    assert.match(
      value.stderr,
      /argument prompt: "8-shot" is not one of zero-shot-cot, 8-shot-cot \(did you mean 8-shot-cot\?\)/,
    );
    assert.equal(runCli(['--store', store, 'runs', '--json']).stdout.trim(), '[]');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
