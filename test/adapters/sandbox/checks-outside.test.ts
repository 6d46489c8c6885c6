import assert from 'node:assert/strict';
import { test } from 'node:test';
import { executorForFile, skipWithoutBwrap } from '../../helpers/bwrap.ts';
import { REACHABLE_TEXTS } from './attacks.ts';
import { heJob } from './executor-conformance.ts';

// The tests' code runs outside the program's process: what crosses between them is plain data, the
// program's exceptions by name, and references to the program's other objects.
const skip = skipWithoutBwrap();
const executor = executorForFile(skip, { workers: 2 });
const outcomes = async (program: string, tests: string[], timeoutMs = 30_000) =>
  (await executor().run(heJob(program, tests, timeoutMs, 300))).tests.map((t) =>
    [t.verdict, t.exceptionType].filter(Boolean).join(' '),
  );

test('subclasses of built-in types reach the checks as their base type, iterators as their items, ranges as ranges', {
  skip,
}, async () => {
  const program = [
    'from collections import Counter, OrderedDict, namedtuple',
    'P = namedtuple("P", "a b")',
    'def pair(): return P(1, 2)',
    'def counts(): return Counter("aab")',
    'def ordered(): return OrderedDict([(2, "b"), (1, "a")])',
    'def squares(): return (x * x for x in range(3))',
    'def span(): return range(1, 7, 2)',
    'def raw(): return {frozenset({1}): [b"x", bytearray(b"y"), 1j, None, True, 1.5, {2}]}',
  ].join('\n');
  const tests = [
    'assert pair() == (1, 2) and type(pair()) is tuple',
    'assert counts() == {"a": 2, "b": 1}',
    'assert ordered() == {1: "a", 2: "b"}',
    'assert list(squares()) == [0, 1, 4]',
    'assert span() == range(1, 7, 2)',
    'assert raw() == {frozenset({1}): [b"x", bytearray(b"y"), 1j, None, True, 1.5, {2}]}',
  ];
  assert.deepEqual(
    await outcomes(program, tests),
    tests.map(() => 'pass'),
  );
});

test("objects that are not plain data stay in the program: the checks can pass them back and call them, but the program's methods never decide a comparison", {
  skip,
}, async () => {
  const program = [
    'class Pair:',
    '    def __init__(self, a, b):',
    '        self.a, self.b = a, b',
    '    __eq__ = lambda self, other: True',
    '    __bool__ = lambda self: False',
    'def total(pairs): return sum(p.a + p.b for p in pairs)',
  ].join('\n');
  assert.deepEqual(
    await outcomes(program, [
      'assert total([Pair(1, 2), Pair(3, 4)]) == 10',
      'p = Pair(1, 2)\nassert p == p and p != Pair(1, 2) and p != 5 and p',
      'assert Pair(1, 2) == 5',
    ]),
    ['pass', 'pass', 'fail AssertionError'],
  );
});

test("the program's exceptions reach the checks as the built-in of that name, or as their own name", {
  skip,
}, async () => {
  const program = [
    'class Oops(Exception):',
    '    pass',
    'def bad(x): raise ValueError("bad %d" % x)',
    'def odd(): raise Oops("odd")',
  ].join('\n');
  assert.deepEqual(
    await outcomes(program, [
      'try:\n    bad(1)\n    assert False\nexcept ValueError as e:\n    assert str(e) == "bad 1"',
      'odd()',
    ]),
    ['pass', 'error Oops'],
  );
});

test("built-in types and functions can be passed to the program's functions", { skip }, async () => {
  const program = 'def keep(xs, t): return [x for x in xs if isinstance(x, t)]\ndef apply(f, x): return f(x)';
  assert.deepEqual(
    await outcomes(program, ['assert keep([1, "a", 2.0], int) == [1]', 'assert apply(len, "abc") == 3']),
    ['pass', 'pass'],
  );
});

test("a built-in function the program binds to its function's name runs in the program's process, and a module it binds is not the checks' os", {
  skip,
}, async () => {
  // Under bubblewrap the supervisor, where the checks run, is PID 1.
  assert.deepEqual(
    await outcomes('run = exec\nmine = max', [
      'run("import posix\\nassert posix.getpid() != 1")',
      'assert mine(1, 2) == 2',
    ]),
    ['pass', 'pass'],
  );
  assert.deepEqual(await outcomes('import os as spawn', ['spawn.getpid()']), ['error AttributeError']);
});

test('garbage on the call pipe, an exit inside a call, and a trusted value the program cannot take are failures of that test', {
  skip,
}, async () => {
  const program = [
    'import posix',
    'def noisy():',
    '    posix.write(3, b"\\x00\\x00\\x00\\x05hello")',
    '    return 1',
    'def leave(): posix._exit(0)',
    'def same(x): return x',
  ].join('\n');
  assert.deepEqual(await outcomes(program, ['assert noisy() == 1']), ['error ProtocolError']);
  assert.deepEqual(await outcomes(program, ['leave()']), ['error ProtocolError']);
  assert.deepEqual(await outcomes(program, ['assert same(lambda: 1)']), ['error NotPlainData']);
});

test('a call that never returns times out at its limit, also when the program swallows the timeout', {
  skip,
}, async () => {
  assert.deepEqual(await outcomes('def spin():\n    while True:\n        pass', ['spin()'], 300), [
    'timeout TimeoutException',
  ]);
  const swallow =
    'import time\ndef hide():\n    while True:\n        try:\n            time.sleep(10)\n        except BaseException:\n            pass';
  assert.deepEqual(await outcomes(swallow, ['hide()'], 200), ['timeout']);
});

test('LiveCodeBench: a lying return value fails, and a stdin program only ever sees its input, never the expected output', {
  skip,
}, async () => {
  const call = await executor().run({
    mode: 'lcb-call',
    program:
      'class Liar(list):\n    __eq__ = lambda self, other: True\nclass Solution:\n    def twoSum(self, a, t):\n        return Liar([9, 9])',
    fnName: 'twoSum',
    tests: [{ input: '[2, 7]\n9', output: '[0, 1]', timeoutMs: 30_000 }],
  });
  assert.deepEqual(
    call.tests.map((t) => [t.verdict, t.output]),
    [['fail', '[9, 9]']],
  );
  const stdio = await executor().run({
    mode: 'lcb-stdio',
    program: `${REACHABLE_TEXTS}\nneedle = "QX" + "-expected"\nprint(reachable(lambda t: t == needle + "-7"))`,
    tests: [{ input: '1\n', output: 'QX-expected-7', timeoutMs: 30_000 }],
  });
  assert.deepEqual(
    stdio.tests.map((t) => [t.verdict, t.output?.trim()]),
    [['fail', '0']],
  );
});
