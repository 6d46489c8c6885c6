import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodeExecutor } from '../../../src/adapters/sandbox/code-executor.ts';
import type { ExecJobInput } from '../../../src/core/sandbox/exec-job.ts';

/** A human-eval-mode job: `setup` then one test line per entry of `tests`. */
export function heJob(setup: string, tests: string[], timeoutMs = 30_000, graceMs = 300): ExecJobInput {
  let program = setup.endsWith('\n') ? setup : `${setup}\n`;
  const specs = tests.map((t) => {
    const line = program.split('\n').length;
    program += `${t}\n`;
    return { line, timeoutMs };
  });
  return { mode: 'human-eval', program, tests: specs, graceMs };
}

/** The behaviour every CodeExecutor implementation must show. */
export function executorConformance(
  name: string,
  open: () => Promise<CodeExecutor>,
  skip: string | false,
): void {
  let ex: CodeExecutor;
  before(async () => {
    if (!skip) ex = await open();
  });
  after(async () => {
    if (!skip) await ex.close();
  });
  const verdicts = async (job: ExecJobInput) => (await ex.run(job)).tests.map((t) => t.verdict);

  test(`${name}: a passing program passes and a failing assertion fails`, { skip }, async () => {
    assert.deepEqual(await verdicts(heJob('def f(x):\n    return x + 1', ['assert f(1) == 2'])), ['pass']);
    const r = await ex.run(heJob('def f(x):\n    return x', ['assert f(1) == 2, "wrong"']));
    assert.equal(r.tests[0]!.verdict, 'fail');
    assert.equal(r.tests[0]!.exceptionType, 'AssertionError');
  });

  test(`${name}: an exception is an error with its type`, { skip }, async () => {
    const r = await ex.run(heJob('def f(x):\n    return x[5]', ['f([])']));
    assert.equal(r.tests[0]!.verdict, 'error');
    assert.equal(r.tests[0]!.exceptionType, 'IndexError');
  });

  test(`${name}: a syntax error is an error and the remaining tests are skipped`, { skip }, async () => {
    const r = await ex.run(heJob('def f(x)\n    return x', ['assert f(1) == 1', 'assert f(2) == 2']));
    assert.deepEqual(
      r.tests.map((t) => [t.verdict, t.exceptionType]),
      [
        ['error', 'SyntaxError'],
        ['skipped', null],
      ],
    );
  });

  test(`${name}: verdicts are per test, and tests after a failure are skipped`, { skip }, async () => {
    assert.deepEqual(await verdicts(heJob('x = 1', ['assert x == 1', 'assert x == 2', 'assert x == 1'])), [
      'pass',
      'fail',
      'skipped',
    ]);
  });

  test(`${name}: a non-terminating program times out at its own limit`, { skip }, async () => {
    // the default limit is 30 s and the test runner's is 10 min: a job that ignored its 300 ms limit would
    // not finish; how soon after the limit it ends is a speed figure, measured by the benches
    assert.deepEqual(await verdicts(heJob('while True:\n    pass', ['pass'], 300)), ['timeout']);
  });

  test(`${name}: a program that swallows the timeout is killed at limit plus grace`, { skip }, async () => {
    const prog =
      'import time\nwhile True:\n    try:\n        time.sleep(10)\n    except BaseException:\n        pass';
    const r = await ex.run(heJob(prog, ['pass'], 200, 200));
    assert.equal(r.tests[0]!.verdict, 'timeout');
  });

  test(`${name}: exit() and sys.exit() fail, as in human-eval`, { skip }, async () => {
    assert.deepEqual(await verdicts(heJob('exit()', ['pass'])), ['error']);
    assert.deepEqual(await verdicts(heJob('import sys\nsys.exit(0)', ['pass'])), ['error']);
    assert.deepEqual(await verdicts(heJob('quit()', ['pass'])), ['error']);
  });

  test(`${name}: a process that exits without reporting is an error, not a pass`, { skip }, async () => {
    const r = await ex.run(heJob('import os\nos._exit(0)', ['pass']));
    assert.equal(r.tests[0]!.verdict, 'error');
  });

  test(`${name}: jobs run concurrently and each gets its own verdict`, { skip }, async () => {
    const jobs = Array.from({ length: 40 }, (_, i) => heJob(`v = ${i}`, [`assert v % 2 == 0`]));
    const rs = await Promise.all(jobs.map((j) => ex.run(j)));
    assert.deepEqual(
      rs.map((r) => r.tests[0]!.verdict),
      jobs.map((_, i) => (i % 2 === 0 ? 'pass' : 'fail')),
    );
  });

  test(`${name}: LiveCodeBench stdin and call modes compare outputs like the reference`, {
    skip,
  }, async () => {
    const stdio = await ex.run({
      mode: 'lcb-stdio',
      program: 'n = int(input())\nprint(n * 2)\nprint("1.50")',
      tests: [
        { input: '2\n', output: '4\n1.5', timeoutMs: 30_000 },
        { input: '3\n', output: '7\n1.5', timeoutMs: 30_000 },
      ],
    });
    assert.deepEqual(
      stdio.tests.map((t) => t.verdict),
      ['pass', 'fail'],
    );
    const call = await ex.run({
      mode: 'lcb-call',
      program:
        'class Solution:\n    def twoSum(self, a: List[int], t: int) -> List[int]:\n        return (0, 1)',
      fnName: 'twoSum',
      tests: [{ input: '[2, 7]\n9', output: '[0, 1]', timeoutMs: 30_000 }],
    });
    assert.deepEqual(
      call.tests.map((t) => t.verdict),
      ['pass'],
    );
  });
}
