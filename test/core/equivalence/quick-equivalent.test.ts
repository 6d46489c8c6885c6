import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAnswer } from '../../../src/core/equivalence/answer-structure.ts';
import { quickEquivalent } from '../../../src/core/equivalence/quick-equivalent.ts';
import { symbolicLeaf } from '../../../src/core/equivalence/symbolic-leaf.ts';

test('quickEquivalent decides normalised strings and plain numbers without the symbolic engine', () => {
  assert.deepEqual(quickEquivalent('\\dfrac{1}{2}', '\\frac{1}{2}'), { equal: true, method: 'string' });
  assert.deepEqual(quickEquivalent('0.5', '\\frac{1}{2}'), { equal: true, method: 'quick' });
  assert.deepEqual(quickEquivalent('3', '4'), { equal: false, method: 'quick' });
});

test('quickEquivalent leaves expressions to the symbolic check', () => {
  assert.equal(quickEquivalent('(x+1)^2', 'x^2+2x+1'), null);
});

test('quickEquivalent rejects a tuple against an interval from the brackets alone', () => {
  assert.deepEqual(quickEquivalent('[1,2)', '(1,2)'), { equal: false, method: 'quick' });
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
