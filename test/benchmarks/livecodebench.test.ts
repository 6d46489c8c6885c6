import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { livecodebenchTask as livecodebench } from '../../src/benchmarks/livecodebench/livecodebench-task.ts';
import { parseLiveCodeBench } from '../../src/benchmarks/livecodebench/load-livecodebench.ts';
import { decodeLcbTestCases } from '../../src/core/code/lcb-test-cases.ts';
import type { Item } from '../../src/core/task/task.ts';
import { executorForFile, skipWithoutBwrap } from '../helpers/bwrap.ts';

// Fixtures in LiveCodeBench's native schema, made here; the private tests are compressed the way the
// dataset does it (json -> pickle -> zlib -> base64), by python3 itself.
function compress(cases: object[]): string {
  const py =
    'import base64, json, pickle, sys, zlib\nprint(base64.b64encode(zlib.compress(pickle.dumps(json.dumps(json.load(sys.stdin))))).decode())';
  return execFileSync('/usr/bin/python3', ['-c', py], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
  }).trim();
}
const stdinCase = (input: string, output: string) => ({ input, output, testtype: 'stdin' });
const fnCase = (input: string, output: string) => ({ input, output, testtype: 'functional' });

function rows(): object[] {
  return [
    {
      question_title: 'Double it',
      question_content: 'Read N and print 2N.',
      platform: 'atcoder',
      question_id: 'abc001_a',
      contest_id: 'abc001',
      contest_date: '2024-09-14T00:00:00',
      starter_code: '',
      difficulty: 'easy',
      public_test_cases: JSON.stringify([stdinCase('3\n', '6\n')]),
      private_test_cases: compress([stdinCase('10\n', '20\n'), stdinCase('0\n', '0\n')]),
      metadata: '{}',
    },
    {
      question_title: 'Two Sum',
      question_content: 'Return indices of two numbers adding up to target.',
      platform: 'leetcode',
      question_id: '3001',
      contest_id: 'weekly-contest-400',
      contest_date: '2025-01-10T00:00:00',
      starter_code:
        'class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        ',
      difficulty: 'medium',
      public_test_cases: JSON.stringify([fnCase('[2, 7, 11, 15]\n9', '[0, 1]')]),
      private_test_cases: compress([fnCase('[3, 2, 4]\n6', '[1, 2]'), fnCase('[3, 3]\n6', '[0, 1]')]),
      metadata: JSON.stringify({ func_name: 'twoSum' }),
    },
    {
      question_title: 'Old problem',
      question_content: 'Print hello.',
      platform: 'codeforces',
      question_id: '1900A',
      contest_id: '1900',
      contest_date: '2023-11-20T00:00:00',
      starter_code: '',
      difficulty: 'hard',
      public_test_cases: JSON.stringify([stdinCase('', 'hello\n')]),
      private_test_cases: JSON.stringify([]),
      metadata: '{}',
    },
  ];
}

let dir: string;
let items: Item[];
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ys-lcb-'));
  mkdirSync(join(dir, 'livecodebench'));
  writeFileSync(
    join(dir, 'livecodebench', 'test.jsonl'),
    `${rows()
      .map((r) => JSON.stringify(r))
      .join('\n')}\n`,
  );
  items = await livecodebench({}).dataset({ dataDir: dir, cacheDir: '/nonexistent', online: false });
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('compressed private tests decode to the same cases as plain JSON', () => {
  const cases = [stdinCase('1 2\n', '3\n'), stdinCase('x'.repeat(300), 'y')];
  assert.deepEqual(decodeLcbTestCases(compress(cases)), cases);
  assert.deepEqual(decodeLcbTestCases(JSON.stringify(cases)), cases);
});

test('the loader reads the native schema with public and private tests and the function name', () => {
  assert.deepEqual(
    items.map((i) => i.id),
    ['abc001_a', '3001', '1900A'],
  );
  const twoSum = items[1]!;
  assert.equal(twoSum.metadata.fnName, 'twoSum');
  assert.equal((twoSum.metadata.tests as unknown[]).length, 3);
  assert.equal(items[0]!.metadata.fnName, null);
});

test('release presets and --since/--until select by contest_date; platform and difficulty filter', async () => {
  const text = rows()
    .map((r) => JSON.stringify(r))
    .join('\n');
  const ids = (f: object) => parseLiveCodeBench(text, 'f.jsonl', f).map((i) => i.id);
  assert.deepEqual(ids({ release: 'v5' }), ['abc001_a', '3001']);
  assert.deepEqual(ids({ since: '2024-10-01' }), ['3001']);
  assert.deepEqual(ids({ until: '2024-01-01' }), ['1900A']);
  assert.deepEqual(ids({ release: 'v5', until: '2024-12-01' }), ['abc001_a']);
  assert.deepEqual(ids({ platforms: ['leetcode'] }), ['3001']);
  assert.deepEqual(ids({ difficulties: ['hard', 'easy'] }), ['abc001_a', '1900A']);
  assert.throws(() => ids({ release: 'v99' }), /unknown LiveCodeBench release/);
});

test('a bad row names the file, line and field', () => {
  const bad = { ...(rows()[0] as Record<string, unknown>), private_test_cases: 'not base64 zlib' };
  assert.throws(
    () => parseLiveCodeBench(JSON.stringify(bad), 'lcb.jsonl'),
    /lcb\.jsonl:1: field private_test_cases/,
  );
});

test('the standard LiveCodeBench prompt: system message and Question/Format/Answer', () => {
  const task = livecodebench({});
  const [sys, user] = task.prompt(items[1]!);
  assert.match(sys!.content, /^You are an expert Python programmer/);
  assert.match(
    user!.content,
    /^### Question:\nReturn indices[\s\S]*### Format: You will use the following starter code[\s\S]*```python\nclass Solution:[\s\S]*### Answer: \(use the provided format with backticks\)\n\n$/,
  );
  assert.match(task.prompt(items[0]!)[1]!.content, /```python\n# YOUR CODE HERE\n```/);
});

const skip = skipWithoutBwrap();
const executor = executorForFile(skip, { workers: 2 });
const fence = (code: string) => `<think>let me think</think>\n\`\`\`python\n${code}\n\`\`\`\nDone.`;

test('stdin problems pass with a correct program and fail with a wrong one', { skip }, async () => {
  const task = livecodebench({ executor: executor() });
  const ok = await task.scorer({ text: fence('n = int(input())\nprint(2 * n)'), reasoning: null }, items[0]!);
  assert.equal(ok.verdict, 'correct');
  assert.equal((ok.details as { total: number }).total, 3);
  const main =
    'import sys\ndef main():\n    print(2 * int(sys.stdin.readline()))\nif __name__ == "__main__":\n    main()';
  assert.equal((await task.scorer({ text: fence(main), reasoning: null }, items[0]!)).verdict, 'correct');
  const wrong = await task.scorer(
    { text: fence('n = int(input())\nprint(n + 3)'), reasoning: null },
    items[0]!,
  );
  assert.equal(wrong.verdict, 'incorrect');
  const verdicts = (wrong.details as { tests: { verdict: string }[] }).tests.map((t) => t.verdict);
  assert.deepEqual(verdicts, ['pass', 'fail', 'skipped']);
});

test('functional problems call the Solution method; tuples count as lists', { skip }, async () => {
  const task = livecodebench({ executor: executor() });
  const code =
    'class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        seen = {}\n        for i, x in enumerate(nums):\n            if target - x in seen:\n                return (seen[target - x], i)\n            seen[x] = i';
  assert.equal((await task.scorer({ text: fence(code), reasoning: null }, items[1]!)).verdict, 'correct');
});

test('a program over its time limit times out; no fenced code is no-answer', { skip }, async () => {
  const task = livecodebench({ executor: executor(), fixedTimeoutMs: 300, graceMs: 200 });
  const slow = await task.scorer({ text: fence('while True:\n    pass'), reasoning: null }, items[0]!);
  assert.equal(slow.verdict, 'incorrect');
  assert.equal((slow.details as { tests: { verdict: string }[] }).tests[0]!.verdict, 'timeout');
  assert.equal(
    (await task.scorer({ text: 'I cannot solve this.', reasoning: null }, items[0]!)).verdict,
    'no-answer',
  );
});
