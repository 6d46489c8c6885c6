import assert from 'node:assert/strict';
import { test } from 'node:test';
import { METRIC_NAME, metricByName } from '../../../src/core/metrics/metric-by-name.ts';
import type { ScoredSample } from '../../../src/core/task/task.ts';

const s = (
  itemId: string,
  sampleIndex: number,
  correct: boolean,
  extracted: string | null = '1',
): ScoredSample => ({
  itemId,
  sampleIndex,
  verdict: correct ? 'correct' : 'incorrect',
  value: correct ? 1 : 0,
  extracted,
});
// q1: 1 of 2 correct; q2: 0 of 2 correct.
const samples = [s('q1', 0, true), s('q1', 1, false, '2'), s('q2', 0, false, '3'), s('q2', 1, false, '3')];

test('each metric name gives the metric of that name and value', () => {
  assert.equal(metricByName('accuracy')(samples).value, 0.25);
  assert.equal(metricByName('pass@1')(samples).name, 'pass@1');
  assert.equal(metricByName('pass@2')(samples).value, 0.5);
  assert.equal(metricByName('maj@k')(samples).name.startsWith('maj@'), true);
  assert.equal(metricByName('extraction-failure-rate')(samples).value, 0);
});

test('names outside the list are rejected by the pattern and by the lookup', () => {
  for (const bad of ['f1', 'pass@0', 'pass@', 'Accuracy']) {
    assert.equal(METRIC_NAME.test(bad), false, bad);
    assert.throws(() => metricByName(bad), /unknown metric/);
  }
});
