import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { EquivalencePool } from '../../src/adapters/equivalence-pool/equivalence-pool.ts';
import { extractBoxed } from '../../src/core/extract/extract-boxed.ts';
import { extractMathAnswer } from '../../src/core/extract/extract-math-answer.ts';
import { sharedPath, skipWithoutShared } from '../helpers/shared-dir.ts';

// The gold corpus: every MATH (5,000) and MATH-500 gold answer against the boxed answer of its own
// reference solution, through the scorers' path (extraction, then the equivalence pool). They must all
// agree. Exceptions: none. Two items needed a rule to get there, both general, not special cases:
// MATH-500 test/number_theory/459.json boxes "15\frac{39}{40}, \frac{639}{40}" (one value written twice:
// a list whose items all equal the gold is the gold), and MATH 470/3046 end with "so our answer is
// correct" / "We may check our answer: ..." after the box (remarks, not answer statements).
const pool = new EquivalencePool({ size: 2 });
after(() => pool.close());

const rows = <T>(rel: string): T[] =>
  readFileSync(sharedPath(rel)!, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as T);

async function disagreements(pairs: { id: string; gold: string; response: string }[]): Promise<string[]> {
  const out = await Promise.all(
    pairs.map(async ({ id, gold, response }) => {
      const found = extractMathAnswer(response);
      if (!found) return `${id}: nothing extracted`;
      const eq = await pool.check(gold, found.answer);
      return eq.equal ? null : `${id}: ${gold} vs ${found.answer} (${found.method}, ${eq.method})`;
    }),
  );
  return out.filter((x): x is string => x !== null);
}

test('MATH-500: every gold answer equals the boxed answer of its reference solution', {
  skip: skipWithoutShared('datasets/math500/test.jsonl'),
}, async () => {
  const data = rows<{ unique_id: string; answer: string; solution: string }>('datasets/math500/test.jsonl');
  assert.equal(data.length, 500);
  const boxed = data.map((r) => ({
    id: r.unique_id,
    gold: r.answer,
    response: `\\boxed{${extractBoxed(r.solution)}}`,
  }));
  assert.deepEqual(await disagreements(boxed), []);
  // and read from the whole solution, the way a response is read
  const whole = data.map((r) => ({ id: r.unique_id, gold: r.answer, response: r.solution }));
  assert.deepEqual(await disagreements(whole), []);
});

test('MATH: every gold answer equals the answer read from its whole reference solution', {
  skip: skipWithoutShared('datasets/math/test.jsonl'),
}, async () => {
  const data = rows<{ idx: string | number; solution: string }>('datasets/math/test.jsonl');
  assert.equal(data.length, 5000);
  const pairs = data.map((r) => ({
    id: String(r.idx),
    gold: extractBoxed(r.solution)!,
    response: r.solution,
  }));
  assert.deepEqual(await disagreements(pairs), []);
});

test('MATH and MATH-500 agree: each MATH-500 gold equals the boxed answer of the same problem in MATH', {
  skip: skipWithoutShared('datasets/math500/test.jsonl') || skipWithoutShared('datasets/math/test.jsonl'),
}, async () => {
  const math = new Map(
    rows<{ problem: string; solution: string }>('datasets/math/test.jsonl').map((r) => [
      r.problem,
      r.solution,
    ]),
  );
  const m500 = rows<{ unique_id: string; problem: string; answer: string }>('datasets/math500/test.jsonl');
  const pairs = m500.map((r) => ({ id: r.unique_id, gold: r.answer, response: math.get(r.problem) ?? '' }));
  assert.equal(pairs.filter((p) => p.response === '').length, 0);
  assert.deepEqual(await disagreements(pairs), []);
});
