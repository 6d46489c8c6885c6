import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { mathEquivalent } from '../../../src/core/equivalence/math-equivalent.ts';

interface Pair {
  type: string;
  gold: string;
  pred: string;
  equal: boolean;
}

// Hand-made pairs (pairs.jsonl): equal and not-equal answers across every answer type the math
// scorers meet. The not-equal side are near misses: swapped tuples, open vs closed intervals, sign errors.
const pairs: Pair[] = readFileSync(new URL('./pairs.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Pair);

test('the equivalence table has at least 300 pairs of every answer type, on both sides', () => {
  assert.ok(pairs.length >= 300, `${pairs.length} pairs`);
  const types = new Set(pairs.map((p) => p.type));
  for (const t of [
    'integer',
    'fraction',
    'expression',
    'interval',
    'tuple',
    'set',
    'matrix',
    'units',
    'degrees',
    'percent',
    'thousands',
    'radical',
    'equation',
    'choice',
    'boxed-list',
    'unevaluated',
  ]) {
    assert.ok(types.has(t), `type ${t}`);
    assert.ok(
      pairs.some((p) => p.type === t && p.equal) && pairs.some((p) => p.type === t && !p.equal),
      `both sides of ${t}`,
    );
  }
});

test('the table has negative pairs where both sides are undefined or empty at the sample points', () => {
  assert.ok(pairs.filter((p) => p.type === 'undefined' && !p.equal).length >= 8);
});

test('no not-equal pair of the table is judged equal (no false positives)', () => {
  const fp = pairs.filter((p) => !p.equal && mathEquivalent(p.gold, p.pred).equal);
  assert.deepEqual(
    fp.map((p) => `${p.type}: ${p.gold} vs ${p.pred}`),
    [],
  );
});

test('at most 1% of the equal pairs of the table are missed', () => {
  const equal = pairs.filter((p) => p.equal);
  const missed = equal.filter((p) => !mathEquivalent(p.gold, p.pred).equal);
  assert.ok(
    missed.length <= Math.floor(equal.length * 0.01),
    `missed ${missed.length}/${equal.length}: ${missed.map((p) => `${p.gold} vs ${p.pred}`).join('; ')}`,
  );
});

test('equivalence is symmetric on the table', () => {
  const asym = pairs.filter(
    (p) => mathEquivalent(p.gold, p.pred).equal !== mathEquivalent(p.pred, p.gold).equal,
  );
  assert.deepEqual(
    asym.map((p) => `${p.gold} vs ${p.pred}`),
    [],
  );
});
