import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boxesOverlap, type LabelRequest, placeLabels } from '../../../src/core/charts/place-labels.ts';

/** A small deterministic pseudo-random sequence. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function scatter(n: number, seed: number): LabelRequest[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `m${i}`,
    width: 40 + r() * 60,
    height: 13,
    x: 20 + r() * 560,
    y: 20 + r() * 360,
    r: 5,
  }));
}

const bounds = { x0: 0, y0: 0, x1: 600, y1: 400 };

test('placed labels overlap neither each other, nor markers, nor obstacles, and stay in bounds', () => {
  const labels = scatter(25, 7);
  const line = { x0: 0, y0: 198, x1: 600, y1: 202 };
  const placed = placeLabels({ labels, points: labels, obstacles: [line], bounds });
  assert.equal(placed.filter((p) => !p.ok).length, 0);
  placed.forEach((p, i) => {
    assert.ok(p.box.x0 >= 0 && p.box.x1 <= 600 && p.box.y0 >= 0 && p.box.y1 <= 400, `${p.id} in bounds`);
    assert.ok(!boxesOverlap(p.box, line), `${p.id} clear of the line`);
    for (const q of placed.slice(i + 1)) assert.ok(!boxesOverlap(p.box, q.box), `${p.id} vs ${q.id}`);
    for (const m of labels)
      assert.ok(
        !boxesOverlap(p.box, { x0: m.x - 5, y0: m.y - 5, x1: m.x + 5, y1: m.y + 5 }),
        `${p.id} vs marker ${m.id}`,
      );
  });
});

test('a label goes to the right of its point when that spot is free', () => {
  const [p] = placeLabels({
    labels: [{ id: 'a', width: 50, height: 12, x: 100, y: 100, r: 5 }],
    points: [{ x: 100, y: 100, r: 5 }],
    obstacles: [],
    bounds,
  });
  assert.ok(p!.box.x0 > 100 && Math.abs(p!.y - 100) < 1e-9);
  assert.equal(p!.leader, false);
});

test('placement is deterministic', () => {
  const labels = scatter(60, 3);
  const a = placeLabels({ labels, points: labels, obstacles: [], bounds });
  const b = placeLabels({ labels: [...labels], points: labels, obstacles: [], bounds });
  assert.deepEqual(a, b);
});

test('labels that cannot fit are reported as not ok instead of silently dropped', () => {
  const labels = scatter(400, 11);
  const placed = placeLabels({ labels, points: labels, obstacles: [], bounds });
  assert.equal(placed.length, 400);
  assert.ok(placed.some((p) => !p.ok));
});
