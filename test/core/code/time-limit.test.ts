import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeLimitMs } from '../../../src/core/code/time-limit.ts';

test('derived time limits are max(floor, factor x reference), fixed otherwise', () => {
  const p = { kind: 'derived' as const, floorMs: 1000, factor: 4, fixedMs: 3000 };
  assert.equal(timeLimitMs(p, 10), 1000);
  assert.equal(timeLimitMs(p, 400), 1600);
  assert.equal(timeLimitMs(p, null), 3000);
  assert.equal(timeLimitMs({ ...p, kind: 'fixed' }, 400), 3000);
});
