import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mathAccuracyMetrics } from '../../../src/benchmarks/common/standard-metrics.ts';
import { majorityVote } from '../../../src/core/metrics/maj-at-k.ts';
import type { ScoredSample } from '../../../src/core/task/task.ts';

const s = (sampleIndex: number, extracted: string, correct: boolean): ScoredSample => ({
  itemId: 'q',
  sampleIndex,
  verdict: correct ? 'correct' : 'incorrect',
  value: correct ? 1 : 0,
  extracted,
});

// Two samples give 1/2 in different forms (both right); two give 1/3 verbatim (both wrong); one gives 2.
const votes = [
  s(0, '\\frac{1}{3}', false),
  s(1, '\\frac{1}{2}', true),
  s(2, '\\frac{1}{3}', false),
  s(3, '0.5', true),
  s(4, '1/2', true),
];

test('by default only identical texts vote together, so equivalent forms split the vote', () => {
  assert.deepEqual(majorityVote(votes), { answer: '\\frac{1}{3}', correct: false });
});

test('math benchmarks group equivalent answers, so three forms of 1/2 outvote two of 1/3', () => {
  const maj = mathAccuracyMetrics[1]!(votes);
  assert.equal(maj.name, 'maj@5');
  assert.equal(maj.value, 1);
});
