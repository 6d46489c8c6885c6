import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractBoxed, findBoxed } from '../../../src/core/extract/extract-boxed.ts';
import { extractMathAnswer } from '../../../src/core/extract/extract-math-answer.ts';

test('extractBoxed keeps nested braces intact', () => {
  assert.equal(extractBoxed('so $\\boxed{\\frac{\\sqrt{3}}{2}}$.'), '\\frac{\\sqrt{3}}{2}');
  assert.equal(extractBoxed('\\boxed{\\{1, 2\\}}'), '\\{1, 2\\}');
});

test('extractBoxed takes the last box when boxes are far apart', () => {
  assert.equal(
    extractBoxed('First guess \\boxed{3}. On reflection that is wrong. The answer is \\boxed{4}.'),
    '4',
  );
});

test('extractBoxed joins adjacent boxes that together form one answer', () => {
  assert.equal(extractBoxed('The solutions are $\\boxed{2}$ and $\\boxed{-3}$.'), '2, -3');
  assert.equal(extractBoxed('x = \\boxed{1}, \\boxed{5}'), '1, 5');
});

test('extractBoxed reads \\fbox and a box without braces, and returns null when there is none', () => {
  assert.equal(extractBoxed('answer \\fbox{12}'), '12');
  assert.equal(extractBoxed('answer \\boxed 7$'), '7');
  assert.equal(extractBoxed('no box here'), null);
  assert.equal(findBoxed('\\boxedsomething{1}').length, 0);
});

test('extractMathAnswer falls back to "final answer is" and then to "the answer is"', () => {
  assert.deepEqual(extractMathAnswer('Final Answer: The final answer is $[2,5)$. I hope it is correct.'), {
    answer: '[2,5)',
    method: 'final-answer',
  });
  assert.deepEqual(extractMathAnswer('So the answer is $\\frac{1}{2}$.'), {
    answer: '\\frac{1}{2}',
    method: 'answer-is',
  });
  // a final-answer statement after the box corrects it
  assert.equal(extractMathAnswer('\\boxed{5} and the final answer is 6')?.answer, '6');
  assert.equal(extractMathAnswer('I do not know.'), null);
});
