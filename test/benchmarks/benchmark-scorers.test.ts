import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sharedEquivalencePool } from '../../src/adapters/equivalence-pool/equivalence-pool.ts';
import { gsm8kItems, gsm8kScorer } from '../../src/benchmarks/gsm8k/gsm8k-task.ts';
import { hotpotqaScorer } from '../../src/benchmarks/hotpotqa/hotpotqa-task.ts';
import { choiceScorer } from '../../src/benchmarks/common/choice-scorer.ts';
import { mathItems } from '../../src/benchmarks/math/math-task.ts';
import { EXIT, UserError } from '../../src/core/errors/user-error.ts';
import type { Item, Task } from '../../src/core/task/task.ts';
import { builtinRegistry } from '../../src/registry/builtin.ts';

// Small fixtures made here, so these run without ../shared.
const dir = mkdtempSync(join(tmpdir(), 'ys-bench-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
  return sharedEquivalencePool().close();
});
const item = (over: Partial<Item>): Item => ({ id: 'q', input: 'Q', target: '', metadata: {}, ...over });
const reply = (text: string) => ({ text, reasoning: null });

test('every benchmark of the catalog is registered as a task with prompts, a scorer version and metrics', async () => {
  const r = builtinRegistry();
  for (const id of [
    'gsm8k',
    'math',
    'math-500',
    'aime-2024',
    'aqua-rat',
    'commonsenseqa',
    'gpqa-diamond',
    'hotpotqa',
  ]) {
    const t = (await r.build<Task>('task', id)).value;
    assert.equal(t.benchmark, id);
    assert.ok(t.scorerVersion && t.promptId);
    assert.ok(t.metrics.length >= 3);
    assert.ok(
      t
        .prompt(item({ metadata: { choices: ['x', 'y', 'z', 'w'], letters: 'ABCD' } }))[0]!
        .content.includes('Q'),
    );
  }
});

test('the classic few-shot prompts are available: GSM8K 8-shot and MATH Minerva 4-shot', async () => {
  const r = builtinRegistry();
  const g = (await r.build<Task>('task', 'gsm8k', { prompt: '8-shot-cot' })).value;
  const text = g.prompt(item({ input: 'How many?' }))[0]!.content;
  assert.equal(text.split('\nA: ').length - 1, 8);
  assert.ok(text.endsWith('Q: How many?\nA:'));
  const m = (await r.build<Task>('task', 'math', { prompt: 'minerva-4-shot' })).value;
  assert.equal(m.prompt(item({ input: 'P' }))[0]!.content.split('Problem:').length - 1, 5);
  await assert.rejects(
    r.build<Task>('task', 'math', { prompt: 'nope' }),
    /task math: argument prompt: "nope" is not one of zero-shot-cot, minerva-4-shot/,
  );
});

test('a GSM8K file with a bad row is rejected naming the file, line and field', () => {
  const f = join(dir, 'bad.jsonl');
  writeFileSync(f, '{"question":"a","answer":"#### 3"}\n{"question":"b","answer":"no hashes"}\n');
  assert.throws(
    () => gsm8kItems(f, '{"question":"a","answer":"#### 3"}\n{"question":"b","answer":"no hashes"}\n'),
    /bad\.jsonl:2: answer/,
  );
  assert.deepEqual(gsm8kItems(f, '{"question":"a","answer":"x\\n#### 1,000"}\n')[0]!.target, '1000');
});

test('malformed dataset answers (GSM8K without a number after ####, MATH with an empty \\boxed{}) exit 3 naming file, line and field', () => {
  const invalid = (fn: () => unknown, message: string) =>
    assert.throws(
      fn,
      (e: Error) => e instanceof UserError && e.exitCode === EXIT.invalidInput && e.message === message,
    );
  invalid(
    () =>
      gsm8kItems('g.jsonl', '{"question":"a","answer":"#### 3"}\n\n{"question":"b","answer":"#### none"}\n'),
    'g.jsonl:3: answer: no number after ####',
  );
  const row = (solution: string) =>
    JSON.stringify({ problem: 'p', solution, level: 'Level 1', type: 'Algebra', idx: 1 });
  invalid(
    () => mathItems('m.jsonl', `${row('so \\boxed{2}')}\n${row('so \\boxed{}')}\n`),
    'm.jsonl:2: solution: empty \\boxed{} answer',
  );
});

test('a benchmark loaded from a local file checks its item count', async () => {
  const f = join(dir, 'short.jsonl');
  writeFileSync(f, '{"question":"a","answer":"#### 3"}\n');
  const t = (await builtinRegistry().build<Task>('task', 'gsm8k', { file: f })).value;
  await assert.rejects(
    t.dataset({ dataDir: null, cacheDir: dir, online: false }),
    /expected 1319 items, found 1/,
  );
});

test('the GSM8K scorer keeps the extracted answer and says when none was found', () => {
  assert.deepEqual(gsm8kScorer(reply('so 3 + 4 = 7\n#### 7'), item({ target: '7' })), {
    extracted: '7',
    verdict: 'correct',
    value: 1,
    scoring: { rule: 'hashes', extracted: '7', normalized: { gold: '7', answer: '7' }, method: 'numeric' },
  });
  assert.equal(
    (gsm8kScorer(reply('I am not sure'), item({ target: '7' })) as { verdict: string }).verdict,
    'no-answer',
  );
});

test('the math scorer compares the boxed answer by equivalence', async () => {
  const t = (await builtinRegistry().build<Task>('task', 'math-500')).value;
  const s = await t.scorer(reply('... so $x = \\boxed{\\dfrac{14}{3}}$'), item({ target: '\\frac{14}{3}' }));
  assert.equal(s.verdict, 'correct');
  assert.equal(s.extracted, '\\dfrac{14}{3}');
  const w = await t.scorer(reply('\\boxed{[2,5]}'), item({ target: '[2,5)' }));
  assert.equal(w.verdict, 'incorrect');
  assert.equal((await t.scorer(reply('no idea'), item({ target: '1' }))).verdict, 'no-answer');
});

test('the choice scorer accepts an option repeated under two letters as the same answer', async () => {
  const it = item({
    target: 'D',
    metadata: { letters: 'ABCDE', choices: ['a1', 'b2', 'same', 'same', 'e5'] },
  });
  assert.equal((await choiceScorer(reply('Answer: C'), it)).verdict, 'correct');
  assert.equal((await choiceScorer(reply('Answer: B'), it)).verdict, 'incorrect');
});

test('the HotpotQA scorer marks exact matches correct and gives F1 as partial credit', async () => {
  const it = item({ target: 'Denise Levertov' });
  const full = await hotpotqaScorer(reply('Answer: the Denise Levertov.'), it);
  assert.equal(full.verdict, 'correct');
  assert.equal(full.value, 1);
  const part = await hotpotqaScorer(reply('Answer: Levertov'), it);
  assert.equal(part.verdict, 'incorrect');
  assert.ok(Math.abs(part.value! - 2 / 3) < 1e-12);
});

test('every built-in task reports its primary metric as a fraction in [0, 1], as run results expect', async () => {
  const { builtinRegistry } = await import('../../src/registry/builtin.ts');
  const registry = builtinRegistry();
  const samples = [
    { itemId: 'a', sampleIndex: 0, verdict: 'correct' as const, value: 1, extracted: 'x' },
    { itemId: 'b', sampleIndex: 0, verdict: 'incorrect' as const, value: 0, extracted: 'y' },
  ];
  for (const { name } of registry.list('task')) {
    if (name === 'yaml') continue;
    const { value: task } = await registry.build<import('../../src/core/task/task.ts').Task>(
      'task',
      name,
      {},
    );
    const m = task.metrics[0]!(samples);
    assert.equal(m.value, 0.5, `${name}: ${m.name} = ${m.value}`);
  }
});
