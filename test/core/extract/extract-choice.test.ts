import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractChoice } from '../../../src/core/extract/extract-choice.ts';

const L = 'ABCDE';
const OPTS = ['bank', 'library', 'department store', 'mall', 'new york'];
const letter = (t: string) => extractChoice(t, L, OPTS)?.letter ?? null;

test('extractChoice reads "(B)", "B)", "Answer: B", "the answer is b"', () => {
  assert.equal(letter('Thinking... so it must be (B)'), 'B');
  assert.equal(letter('Thinking...\nB)'), 'B');
  assert.equal(letter('Reasoning.\nAnswer: B'), 'B');
  assert.equal(letter('so the answer is b.'), 'B');
  assert.equal(letter('The correct option is **C**.'), 'C');
  assert.equal(letter('Final answer: $\\boxed{D}$'), 'D');
});

test('extractChoice lets the last explicit statement win', () => {
  assert.equal(letter('At first the answer is A. Wait, re-checking: the answer is E.'), 'E');
});

test('extractChoice does not read the article "a" as option A', () => {
  assert.equal(letter('the answer is a library'), 'B');
  assert.equal(extractChoice('it is a guess', L, [])?.letter ?? null, null);
});

test('extractChoice reads an answer that quotes the option text', () => {
  assert.equal(letter('People go there to read.\nThe answer is library.'), 'B');
  assert.equal(letter('department store'), 'C');
});

test('extractChoice prefers the longest quoted option when one option contains another', () => {
  const opts = ['york', 'new york', 'boston', 'paris', 'rome'];
  assert.equal(extractChoice('so I pick new york', L, opts)?.letter, 'B');
});

test('extractChoice gives up on an answer that quotes two different options', () => {
  assert.equal(letter('either bank or mall'), null);
  assert.equal(letter('I cannot tell.'), null);
});

test('extractChoice only accepts valid letters', () => {
  assert.equal(extractChoice('Answer: E', 'ABCD', [])?.letter ?? null, null);
  assert.equal(extractChoice('Answer: D', 'ABCD', [])?.letter, 'D');
});
