import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planShards, unitIndex, unitPosition } from '../../../src/core/queue/shard-plan.ts';

test('shards cover every unit exactly once, in order, none larger than the shard size', () => {
  for (const total of [0, 1, 7, 16, 17, 100, 1001]) {
    for (const size of [1, 8, 16, 32]) {
      const shards = planShards(total, size);
      const seen = new Array<number>(total).fill(0);
      let last = 0;
      for (const s of shards) {
        assert.equal(s.from, last, 'contiguous');
        assert.ok(s.to > s.from && s.to - s.from <= size);
        for (let u = s.from; u < s.to; u++) seen[u]!++;
        last = s.to;
      }
      assert.equal(last, total);
      assert.ok(seen.every((n) => n === 1));
      assert.equal(shards.length, Math.ceil(total / size));
    }
  }
});

test('a resume plans only the shards that hold a wanted unit', () => {
  const wanted = new Set([3, 40, 41, 99]);
  const shards = planShards(100, 16, (u) => wanted.has(u));
  assert.deepEqual(shards, [
    { from: 0, to: 16 },
    { from: 32, to: 48 },
    { from: 96, to: 100 },
  ]);
  assert.deepEqual(
    planShards(100, 16, () => false),
    [],
  );
});

test('a shard size below one is refused', () => {
  assert.throws(() => planShards(10, 0), RangeError);
  assert.throws(() => planShards(10, 1.5), RangeError);
});

test('unit indices go item by item, sample by sample, and map back', () => {
  assert.deepEqual(unitPosition(0, 3), { itemIndex: 0, sampleIndex: 0 });
  assert.deepEqual(unitPosition(5, 3), { itemIndex: 1, sampleIndex: 2 });
  for (let u = 0; u < 50; u++) {
    const p = unitPosition(u, 4);
    assert.equal(unitIndex(p.itemIndex, p.sampleIndex, 4), u);
  }
});
