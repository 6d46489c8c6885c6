import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bandOf,
  logDomain,
  logScale,
  logTicks,
  niceDomain,
  pointPosition,
  stepTicks,
} from '../../../src/core/charts/scales.ts';

test('logTicks keeps the preferred size, powers of ten and common sizes that do not crowd each other', () => {
  const sizes = [4, 32, 253, 32, 7, 14, 8, 8, 32, 3, 9, 7];
  const domain = logDomain(3, 253);
  assert.deepEqual(logTicks(domain, 600, sizes, [4]), [4, 10, 32, 100, 253]);
});

test('logTicks spaces ticks at least minGap pixels apart', () => {
  const domain: [number, number] = [1, 1000];
  const ticks = logTicks(domain, 300, [2, 3, 5, 7, 20, 30, 50], [], 60);
  const x = logScale(domain, [0, 300]);
  for (let i = 1; i < ticks.length; i++) assert.ok(x(ticks[i]!) - x(ticks[i - 1]!) >= 60);
});

test('niceDomain pads the data and lands on whole steps', () => {
  const { domain, step } = niceDomain(52, 70);
  assert.equal(step, 5);
  assert.deepEqual(domain, [50, 75]);
  assert.deepEqual(stepTicks(domain, step), [50, 55, 60, 65, 70, 75]);
});

test('niceDomain handles a single value', () => {
  const { domain } = niceDomain(10, 10);
  assert.ok(domain[0] < 10 && domain[1] > 10);
});

test('bandOf with no padding tiles the width and pointPosition sits at band centres', () => {
  const b = bandOf(2, 4, 400, 0, 0);
  assert.deepEqual(b, { start: 200, width: 100 });
  assert.equal(pointPosition(2, 4, 400), 250);
});

test('bandOf with outer padding half the inner padding keeps band centres where unpadded bands have them', () => {
  for (let i = 0; i < 5; i++) {
    const b = bandOf(i, 5, 500, 0.2, 0.1);
    assert.ok(Math.abs(b.start + b.width / 2 - pointPosition(i, 5, 500)) < 1e-9);
  }
});
