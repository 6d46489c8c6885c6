import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeLatex } from '../../../src/core/extract/normalize-latex.ts';

const cases: [string, string, string][] = [
  ['\\dfrac and \\tfrac become \\frac', '\\dfrac{1}{2}+\\tfrac{3}{4}', '\\frac{1}{2}+\\frac{3}{4}'],
  ['\\left and \\right go', '\\left( 3, \\frac{\\pi}{2} \\right)', '(3,\\frac{\\pi}{2})'],
  ['units in \\text{} go', '5\\text{ cm}^2', '5'],
  ['a whole \\text{} answer is unwrapped', '\\text{Evelyn}', 'Evelyn'],
  ['degrees go', '90^\\circ', '90'],
  ['degrees in braces go', '90^{\\circ}', '90'],
  ['percent goes', '25\\%', '25'],
  ['thousands separators go', '1{,}000{,}000', '1000000'],
  ['plain thousands separators go', '1,234', '1234'],
  ['\\! goes', '10\\!000', '10000'],
  ['"x =" goes before a value', 'x = -5', '-5'],
  ['"y =" stays in an equation', 'y = 2x + 3', 'y=2x+3'],
  ['a bare decimal point gets its zero', '.5', '0.5'],
  ['\\frac12 is braced', '\\frac12', '\\frac{1}{2}'],
  ['\\sqrt2 is braced', '3\\sqrt2', '3\\sqrt{2}'],
  ['a trailing period goes', '42.', '42'],
  ['a command keeps the space before its argument', '\\cot x', '\\cot x'],
  ['dollar signs go', '$\\frac{1}{3}$', '\\frac{1}{3}'],
  ['a choice in parentheses is its letter', '\\text{(C)}', 'C'],
];

for (const [what, input, expected] of cases) {
  test(`normalizeLatex: ${what}`, () => assert.equal(normalizeLatex(input), expected));
}

test('normalizeLatex leaves a list of numbers a list (not a thousands number)', () => {
  assert.equal(normalizeLatex('1, -2'), '1,-2');
  assert.equal(normalizeLatex('1,23'), '1,23');
});
