import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalNumber, extractNumber, sameNumber } from '../../../src/core/extract/extract-number.ts';

const value = (text: string) => extractNumber(text)?.value ?? null;

test('extractNumber reads the number after "####" before anything else', () => {
  assert.equal(value('She pays 5 + 3 = 8 dollars.\n#### 8'), '8');
  assert.equal(extractNumber('so 12 left\n#### 1,234')?.method, 'hashes');
  assert.equal(value('#### 1,234'), '1234');
});

test('extractNumber prefers an explicit "the answer is" over the last number in the text', () => {
  assert.equal(value('The answer is 42. Check: 42 / 6 = 7'), '42');
  assert.equal(value('Answer: 17\nThat took 3 steps.'), '17');
  assert.equal(value('The final answer is $\\boxed{5}$ after 9 tries'), '5');
});

test('extractNumber ignores commas, currency signs, units and trailing periods', () => {
  assert.equal(value('She earns $1,250.50 per week.'), '1250.5');
  assert.equal(value('The answer is $18.'), '18');
  assert.equal(value('The total is 70,000 dollars.'), '70000');
  assert.equal(value('It weighs 12 kg.'), '12');
  assert.equal(value('The answer is €5.00'), '5');
  assert.equal(value('The answer is 25%.'), '25');
});

test('extractNumber reads negative numbers, decimals without a leading zero and simple fractions', () => {
  assert.equal(value('The answer is -7.'), '-7');
  assert.equal(value('The answer is -$7.'), '-7');
  assert.equal(value('The answer is .5'), '0.5');
  assert.equal(value('The answer is 3/4'), '0.75');
});

test('extractNumber falls back to the last number, then to a boxed number', () => {
  assert.equal(extractNumber('First 3 apples, then 5 pears, 8 fruit in all')?.method, 'last-number');
  assert.equal(value('First 3 apples, then 5 pears, 8 fruit in all'), '8');
  assert.equal(extractNumber('so we get \\boxed{1{,}000} in the end, not 7')?.value, '1000');
  assert.equal(extractNumber('no digits at all'), null);
});

test('canonicalNumber and sameNumber treat 5, 5.0, 05 and 5.00 as one number but not 5 and 5.01', () => {
  assert.equal(canonicalNumber('005.500'), '5.5');
  assert.equal(canonicalNumber('-0.0'), '0');
  assert.ok(sameNumber('5', '5.0'));
  assert.ok(!sameNumber('5', '5.01'));
  assert.ok(!sameNumber('5', 'five'));
});
