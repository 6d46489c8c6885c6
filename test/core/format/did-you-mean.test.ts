import assert from 'node:assert/strict';
import { test } from 'node:test';
import { didYouMean, didYouMeanHint } from '../../../src/core/format/did-you-mean.ts';

const BENCHMARKS = ['gsm8k', 'math', 'math-500', 'aime-2024', 'humaneval', 'mbpp', 'livecodebench-v5'];

test('a name one letter too long, too short, wrong or swapped gets the known name', () => {
  assert.equal(didYouMean('gsm8kk', BENCHMARKS), 'gsm8k');
  assert.equal(didYouMean('gsm8', BENCHMARKS), 'gsm8k');
  assert.equal(didYouMean('humaneavl', BENCHMARKS), 'humaneval');
  assert.equal(didYouMean('math-50', BENCHMARKS), 'math-500');
  assert.equal(didYouMean('promt', ['prompt', 'file', 'limit']), 'prompt');
});

test('case differences alone are recognised', () => {
  assert.equal(didYouMean('GSM8K', BENCHMARKS), 'gsm8k');
});

test('a unique prefix of at least three letters is recognised', () => {
  assert.equal(didYouMean('livecode', BENCHMARKS), 'livecodebench-v5');
  assert.equal(didYouMean('ma', BENCHMARKS), undefined);
});

test('nothing is suggested for a name far from every candidate, or for an empty input', () => {
  assert.equal(didYouMean('swe-bench', BENCHMARKS), undefined);
  assert.equal(didYouMean('x', ['y', 'z']), undefined);
  assert.equal(didYouMean('', BENCHMARKS), undefined);
  assert.equal(didYouMean('gsm8k', []), undefined);
});

test('the nearest candidate wins over a farther one, and ties go to the earlier candidate', () => {
  assert.equal(didYouMean('mathh', BENCHMARKS), 'math');
  assert.equal(didYouMean('ab', ['ac', 'ad']), 'ac');
});

test('the hint reads as a parenthesis, or is empty', () => {
  assert.equal(didYouMeanHint('gsm8kk', BENCHMARKS), ' (did you mean gsm8k?)');
  assert.equal(didYouMeanHint('zzz', BENCHMARKS), '');
});
