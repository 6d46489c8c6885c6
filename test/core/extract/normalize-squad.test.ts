import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  extractShortAnswer,
  normalizeSquad,
  squadExactMatch,
  squadF1,
} from '../../../src/core/extract/normalize-squad.ts';

test('normalizeSquad lower-cases and drops punctuation and articles', () => {
  assert.equal(normalizeSquad('The  Eiffel Tower!'), 'eiffel tower');
  assert.equal(normalizeSquad('An apple, a day'), 'apple day');
});

test('squadExactMatch compares normalised answers', () => {
  assert.equal(squadExactMatch('the Denise Levertov.', 'Denise Levertov'), 1);
  assert.equal(squadExactMatch('Levertov', 'Denise Levertov'), 0);
});

test('squadF1 gives token-overlap partial credit', () => {
  const f = squadF1('Levertov', 'Denise Levertov');
  assert.equal(f.precision, 1);
  assert.equal(f.recall, 0.5);
  assert.ok(Math.abs(f.f1 - 2 / 3) < 1e-12);
  assert.equal(squadF1('Paris', 'London').f1, 0);
});

test('squadF1 requires yes/no answers to match exactly', () => {
  assert.equal(squadF1('yes it is', 'yes').f1, 0);
  assert.equal(squadF1('yes', 'yes').f1, 1);
});

test('extractShortAnswer takes the text after the last "Answer:", else the last line', () => {
  assert.equal(extractShortAnswer('Both were poets.\nAnswer: **Denise Levertov**.'), 'Denise Levertov');
  assert.equal(extractShortAnswer('reasoning\n\nParis'), 'Paris');
  assert.equal(extractShortAnswer('   '), null);
});
