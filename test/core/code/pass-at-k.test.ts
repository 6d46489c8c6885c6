import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passAtK, passAtKMetric } from '../../../src/core/code/pass-at-k.ts';
import { timeLimitMs } from '../../../src/core/code/time-limit.ts';

test('pass@k matches the unbiased estimator (Chen et al. 2021)', () => {
  assert.equal(passAtK(10, 0, 1), 0);
  assert.equal(passAtK(10, 10, 5), 1);
  assert.ok(Math.abs(passAtK(10, 3, 1) - 0.3) < 1e-12);
  assert.ok(Math.abs(passAtK(5, 2, 2) - (1 - (3 / 5) * (2 / 4))) < 1e-12);
});

test('pass@1 averages over problems and leaves out infrastructure errors', () => {
  const s = (itemId: string, verdict: 'correct' | 'incorrect' | 'error') => ({
    itemId,
    sampleIndex: 0,
    verdict,
    value: verdict === 'error' ? null : verdict === 'correct' ? 1 : 0,
    extracted: null,
  });
  const m = passAtKMetric(1)([s('a', 'correct'), s('b', 'incorrect'), s('c', 'error')]);
  assert.equal(m.value, 50);
  assert.equal(m.n, 2);
});

test('derived time limits are max(floor, factor x reference), fixed otherwise', () => {
  const p = { kind: 'derived' as const, floorMs: 1000, factor: 4, fixedMs: 3000 };
  assert.equal(timeLimitMs(p, 10), 1000);
  assert.equal(timeLimitMs(p, 400), 1600);
  assert.equal(timeLimitMs(p, null), 3000);
  assert.equal(timeLimitMs({ ...p, kind: 'fixed' }, 400), 3000);
});
