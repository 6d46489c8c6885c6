import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accuracy, meanScore, passAt1 } from '../../../src/core/metrics/accuracy.ts';
import { extractionFailureRate } from '../../../src/core/metrics/extraction-failure-rate.ts';
import { majAtK, majorityVote } from '../../../src/core/metrics/maj-at-k.ts';
import { passAtK, unbiasedPassAtK } from '../../../src/core/metrics/pass-at-k.ts';
import type { ScoredSample } from '../../../src/core/task/task.ts';

function s(
  itemId: string,
  sampleIndex: number,
  correct: boolean | null,
  extracted: string | null = null,
): ScoredSample {
  const verdict =
    correct === null ? (extracted === 'ERR' ? 'error' : 'no-answer') : correct ? 'correct' : 'incorrect';
  return {
    itemId,
    sampleIndex,
    verdict,
    value: correct ? 1 : 0,
    extracted: extracted === 'ERR' ? null : extracted,
  };
}

test('unbiasedPassAtK matches the closed form 1 - C(n-c,k)/C(n,k)', () => {
  const C = (n: number, k: number) => {
    let r = 1;
    for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
    return r;
  };
  for (const [n, c, k] of [
    [10, 3, 1],
    [10, 3, 5],
    [20, 0, 4],
    [5, 5, 2],
    [16, 1, 8],
  ] as const) {
    assert.ok(Math.abs(unbiasedPassAtK(n, c, k) - (1 - C(n - c, k) / C(n, k))) < 1e-12, `${n},${c},${k}`);
  }
  assert.ok(Math.abs(unbiasedPassAtK(10, 3, 1) - 0.3) < 1e-12);
  assert.throws(() => unbiasedPassAtK(2, 1, 3), RangeError);
});

test('accuracy averages per question, so a question with many samples weighs as much as one with few', () => {
  const samples = [s('a', 0, true), s('a', 1, true), s('a', 2, true), s('a', 3, false), s('b', 0, false)];
  const m = accuracy(samples);
  assert.equal(m.value, (0.75 + 0) / 2);
  assert.equal(m.n, 2);
  assert.equal(m.k, 4);
});

test('the standard error treats the question as the unit: sd of per-question scores over sqrt(n)', () => {
  const samples = ['a', 'b', 'c', 'd'].flatMap((q, i) => [s(q, 0, i < 2), s(q, 1, i < 1)]);
  // per question: 1, 0.5, 0, 0
  const m = passAt1(samples);
  const per = [1, 0.5, 0, 0];
  const mean = 0.375;
  const sd = Math.sqrt(per.reduce((t, v) => t + (v - mean) ** 2, 0) / 3);
  assert.equal(m.name, 'pass@1');
  assert.ok(Math.abs(m.value - mean) < 1e-12);
  assert.ok(Math.abs(m.stderr! - sd / 2) < 1e-12);
  assert.ok(m.ciLow! >= 0 && m.ciLow! < mean && m.ciHigh! > mean && m.ciHigh! <= 1);
});

test('with one 0/1 sample per question the interval is the Wilson interval', () => {
  const samples = Array.from({ length: 10 }, (_, i) => s(`q${i}`, 0, i < 10));
  const m = accuracy(samples);
  assert.equal(m.value, 1);
  assert.equal(m.ciHigh, 1);
  assert.ok(m.ciLow! > 0.6 && m.ciLow! < 0.8);
});

test('error samples are left out of every metric', () => {
  const m = accuracy([s('a', 0, true), s('a', 1, null, 'ERR'), s('b', 0, false)]);
  assert.equal(m.value, 0.5);
  assert.equal(m.k, 1);
});

test('passAtK uses only questions with at least k samples', () => {
  const samples = [s('a', 0, false), s('a', 1, true), s('b', 0, true)];
  const m = passAtK(2)(samples);
  assert.equal(m.n, 1);
  assert.equal(m.value, 1);
});

test('majAtK votes on the extracted answer and scores the winning answer', () => {
  assert.deepEqual(majorityVote([s('a', 0, false, '3'), s('a', 1, true, '4'), s('a', 2, true, '4')]), {
    answer: '4',
    correct: true,
  });
  assert.deepEqual(majorityVote([s('a', 0, null, null), s('a', 1, false, '5')]), {
    answer: '5',
    correct: false,
  });
  const m = majAtK()([
    s('a', 0, false, '3'),
    s('a', 1, false, '3'),
    s('a', 2, true, '4'),
    s('b', 0, true, '1'),
    s('b', 1, true, '1'),
    s('b', 2, false, '2'),
  ]);
  assert.equal(m.name, 'maj@3');
  assert.equal(m.value, 0.5);
});

test('extractionFailureRate is the share of samples without an extracted answer', () => {
  const m = extractionFailureRate([s('a', 0, null, null), s('a', 1, true, '1'), s('b', 0, true, '2')]);
  assert.equal(m.value, 0.25);
});

test('meanScore averages partial credit', () => {
  const m = meanScore('f1')([
    { itemId: 'a', sampleIndex: 0, verdict: 'incorrect', value: 0.5, extracted: 'x' },
    { itemId: 'b', sampleIndex: 0, verdict: 'correct', value: 1, extracted: 'y' },
  ]);
  assert.equal(m.name, 'f1');
  assert.equal(m.value, 0.75);
  assert.equal(m.ciLow !== null, true);
});
