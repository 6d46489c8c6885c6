import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAnswer } from '../../../src/core/equivalence/answer-structure.ts';
import { quickEquivalent } from '../../../src/core/equivalence/quick-equivalent.ts';
import { symbolicLeaf } from '../../../src/core/equivalence/symbolic-leaf.ts';

const method = (g: string, p: string) => {
  const r = quickEquivalent(g, p);
  return r && { equal: r.equal, method: r.method };
};

test('quickEquivalent decides normalised strings and plain numbers without the symbolic engine, and says how', () => {
  assert.deepEqual(method('\\dfrac{1}{2}', '\\frac{1}{2}'), { equal: true, method: 'exact' });
  assert.deepEqual(method('0.5', '\\frac{1}{2}'), { equal: true, method: 'numeric' });
  assert.deepEqual(method('3', '4'), { equal: false, method: 'numeric' });
  assert.deepEqual(quickEquivalent('10,\\!080', '10080')?.normalized, { gold: '10080', answer: '10080' });
});

test('quickEquivalent leaves expressions to the symbolic check', () => {
  assert.equal(quickEquivalent('(x+1)^2', 'x^2+2x+1'), null);
});

test('quickEquivalent rejects a tuple against an interval from the brackets alone', () => {
  assert.deepEqual(method('[1,2)', '(1,2)'), { equal: false, method: 'structural' });
});

test('parseAnswer reads intervals, sets, unions, matrices and ± answers', () => {
  assert.equal(parseAnswer('[1,2)').kind, 'list');
  assert.equal(parseAnswer('(-\\infty,0)\\cup(1,\\infty)').kind, 'union');
  assert.equal(parseAnswer('\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}').kind, 'matrix');
  assert.deepEqual(parseAnswer('\\{1,2\\}'), {
    kind: 'list',
    open: '{',
    close: '}',
    items: [
      { kind: 'scalar', text: '1' },
      { kind: 'scalar', text: '2' },
    ],
  });
  assert.equal(parseAnswer('1\\pm\\sqrt{2}').kind, 'list');
  assert.deepEqual(parseAnswer('\\frac{1}{2}'), { kind: 'scalar', text: '\\frac{1}{2}' });
});

test('symbolicLeaf samples free variables and refuses inputs over the size cap', () => {
  assert.equal(symbolicLeaf('\\frac{x^2-1}{x-1}', 'x+1'), true);
  assert.equal(symbolicLeaf('x^2', 'x^2+10^{-3}'), false);
  assert.equal(symbolicLeaf('1', `1+${'0+'.repeat(300)}0`), false);
});
