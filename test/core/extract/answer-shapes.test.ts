import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cutAtNextQuestion } from '../../../src/core/extract/answer-phrases.ts';
import { extractChoice } from '../../../src/core/extract/extract-choice.ts';
import { extractMathAnswer } from '../../../src/core/extract/extract-math-answer.ts';
import { extractNumber } from '../../../src/core/extract/extract-number.ts';

// The answer shapes models write, each read right and each near miss not misread.
const num = (t: string) => extractNumber(t);
const math = (t: string) => extractMathAnswer(t);

test('answer phrases are words: "answer:" inside "long-answer:" is no answer phrase', () => {
  assert.deepEqual(num('The long-answer: 5 is wrong. So 7 apples.'), { value: '7', method: 'last-number' });
  assert.deepEqual(num('The short answer: 5'), { value: '5', method: 'answer-is' });
  assert.equal(math('See the long-answer: 12 below, then 9')?.method, 'last-expression');
  assert.deepEqual(math('Answer: 12'), { answer: '12', method: 'answer-is' });
});

test('"the answer (arabic numerals) is 80" is an answer statement', () => {
  assert.deepEqual(num('So 8 * 10 = 80.\nTherefore, the answer (arabic numerals) is 80.'), {
    value: '80',
    method: 'answer-is',
  });
  assert.deepEqual(num('The answer (in dollars) is $1,250.'), { value: '1250', method: 'answer-is' });
});

test('"The final answer is $10,455$", "Final Answer: ..." and "#### 72" are read as such', () => {
  assert.deepEqual(num('... The final answer is $10,455$'), { value: '10455', method: 'final-answer' });
  assert.deepEqual(num('Final Answer: 42'), { value: '42', method: 'final-answer' });
  assert.deepEqual(num('9 * 8 = 72\n#### 72'), { value: '72', method: 'hashes' });
  assert.deepEqual(math('The final answer is $10,455$'), { answer: '10,455', method: 'final-answer' });
  assert.deepEqual(math('Final Answer: The final answer is $\\frac{1}{2}$. I hope it is correct.'), {
    answer: '\\frac{1}{2}',
    method: 'final-answer',
  });
});

test('a phrase never reaches across a blank line, nor into a next question the model invents', () => {
  assert.equal(num('The answer is:\n\nQuestion: Tom has 17 apples.'), null);
  assert.deepEqual(num('The answer is 5.\n\nQuestion: Sam has 3 pens. The answer is 9.'), {
    value: '5',
    method: 'answer-is',
  });
  assert.deepEqual(num('The answer is:\n12 apples'), { value: '12', method: 'answer-is' });
  assert.equal(math('The answer is:\n\nProblem 2: Find 7.'), null);
  // numbered parts of one solution before any answer are kept
  assert.equal(
    cutAtNextQuestion('Part one.\n\nQuestion 2: yes.\n\nSo \\boxed{14}.'),
    'Part one.\n\nQuestion 2: yes.\n\nSo \\boxed{14}.',
  );
});

test('a final-answer statement after a \\boxed{} wins over the box; a remark after it does not', () => {
  assert.deepEqual(math('So $\\boxed{3}$. Wait, recheck. The final answer is $4$.'), {
    answer: '4',
    method: 'final-answer',
  });
  assert.deepEqual(math('The final answer is 4. Double-check: $\\boxed{3}$'), {
    answer: '3',
    method: 'boxed',
  });
  assert.deepEqual(math('$\\boxed{5}$. We can check our answer: $5 + 2 = 7$.'), {
    answer: '5',
    method: 'boxed',
  });
  assert.deepEqual(math('$\\boxed{5}$, so the answer is correct.'), { answer: '5', method: 'boxed' });
  assert.deepEqual(num('\\boxed{18}. Check: the answer is 9 + 9 = 18, consistent.'), {
    value: '18',
    method: 'boxed',
  });
  assert.deepEqual(num('\\boxed{18}. Correction: the answer is 20.'), { value: '20', method: 'answer-is' });
  assert.deepEqual(num('\\boxed{18}. Then the answer is consistent with 3 + 3 = 6.'), {
    value: '18',
    method: 'boxed',
  });
});

test('the last of several final-answer statements wins', () => {
  assert.deepEqual(num('The answer is 3. Actually, the final answer is 4.'), {
    value: '4',
    method: 'final-answer',
  });
  assert.deepEqual(num('Final answer: 3\nOn reflection, final answer: 5'), {
    value: '5',
    method: 'final-answer',
  });
  assert.deepEqual(math('The final answer is 3. Hmm, final answer: 5'), {
    answer: '5',
    method: 'final-answer',
  });
});

test('"1/4." is a fraction; "$1,000" and "1 000" are one number; "3 100-pound bags" are not 3100', () => {
  assert.deepEqual(num('So the answer is 1/4.'), { value: '0.25', method: 'answer-is' });
  assert.deepEqual(num('She pays $1,000 in total.'), { value: '1000', method: 'last-number' });
  assert.deepEqual(num('The total is 1 000 dollars.'), { value: '1000', method: 'last-number' });
  assert.deepEqual(num('The answer is 1 000.'), { value: '1000', method: 'answer-is' });
  assert.deepEqual(num('He buys 3 100-pound bags'), { value: '100', method: 'last-number' });
  assert.deepEqual(math('answer: 1/4.'), { answer: '1/4', method: 'answer-is' });
});

test('with no marker, the last expression is the answer and is recorded as such', () => {
  assert.deepEqual(math('Thus x equals 1/4.'), { answer: '1/4', method: 'last-expression' });
  assert.deepEqual(math('So we get $x = \\frac{3}{4}$ in the end.'), {
    answer: '\\frac{3}{4}',
    method: 'last-expression',
  });
  assert.deepEqual(num('First 3 apples, then 5 pears, 8 fruit in all'), {
    value: '8',
    method: 'last-number',
  });
  assert.equal(math('I do not know.'), null);
});

const OPTS = ['3', '5', '7', '9', '11'];
const choice = (t: string, letters = 'ABCDE', options: string[] = OPTS) => extractChoice(t, letters, options);

test('multiple choice reads "(E)", "E,", "\\"B\\"." and the text of an option', () => {
  assert.deepEqual(choice('The answer is (E)'), { letter: 'E', method: 'choice-letter' });
  assert.deepEqual(choice('E, because 11 is prime'), { letter: 'E', method: 'last-letter' });
  assert.deepEqual(choice('I pick "B".'), { letter: 'B', method: 'last-letter' });
  assert.deepEqual(choice('The answer is 9'), { letter: 'D', method: 'option-text' });
  assert.deepEqual(choice('A, B and C are too small, so (D).'), { letter: 'D', method: 'last-letter' });
});

test('a letter that is not an option is no answer, not a nearby valid letter', () => {
  assert.deepEqual(choice('The answer is (F)'), { letter: null, method: 'invalid-letter' });
  assert.deepEqual(choice('(A) is too small, so it must be (F)'), { letter: null, method: 'invalid-letter' });
  assert.deepEqual(choice('Answer: (E)', 'ABCDEF', [...OPTS, '13']), {
    letter: 'E',
    method: 'choice-letter',
  });
});

test('a hedged answer naming two options is no answer, wherever it is', () => {
  assert.deepEqual(choice('The answer is either C or E'), { letter: null, method: 'hedged' });
  assert.deepEqual(choice('Answer: C or E'), { letter: null, method: 'hedged' });
  assert.deepEqual(choice('Answer: B/D'), { letter: null, method: 'hedged' });
  assert.deepEqual(choice('Hard to say.\n(C) or (E)'), { letter: null, method: 'hedged' });
  // the same letter twice is no hedge; a later firm statement wins
  assert.deepEqual(choice('Answer: C or C'), { letter: 'C', method: 'choice-letter' });
  assert.deepEqual(choice('Either C or E. Re-checking: the answer is E.'), {
    letter: 'E',
    method: 'choice-letter',
  });
});

test('option-text matching keeps signs and operators', () => {
  const ops = ['=', '≠', '<', '>'];
  assert.deepEqual(choice('The answer is =', 'ABCD', ops), { letter: 'A', method: 'option-text' });
  assert.deepEqual(choice('The answer is ≠', 'ABCD', ops), { letter: 'B', method: 'option-text' });
  const signs = ['15', '-15', '5', '-5'];
  assert.deepEqual(choice('The answer is -15', 'ABCD', signs), { letter: 'B', method: 'option-text' });
  assert.deepEqual(choice('The answer is 15', 'ABCD', signs), { letter: 'A', method: 'option-text' });
  assert.deepEqual(choice('The answer is −5', 'ABCD', signs), { letter: 'D', method: 'option-text' });
});

test('an answer statement that is a calculation gives its result, not its first operand', () => {
  assert.deepEqual(num('add them to get our final answer: \n\n21 + 8 + 3 = 32 blue birds.'), {
    value: '32',
    method: 'final-answer',
  });
  assert.deepEqual(num('Therefore, the answer (arabic numerals) is 96 * 5 = 480.'), {
    value: '480',
    method: 'answer-is',
  });
  assert.deepEqual(num('The answer is: 76,000 + 53,200 = 129,200.'), {
    value: '129200',
    method: 'answer-is',
  });
  // the result side is read only when it is a number, and only in the statement's first clause
  assert.deepEqual(num('The final answer is 32 = 4 * 8'), { value: '32', method: 'final-answer' });
  assert.deepEqual(num('The answer is 2 + 3 = 5 apples, so 5 - 1 = 4 are left'), {
    value: '5',
    method: 'answer-is',
  });
  assert.deepEqual(num('The answer is 12. Check: 3 * 4 = 12'), { value: '12', method: 'answer-is' });
});

test('a letter after "most likely" is the answer; a list of letters is a hedge', () => {
  const csqa = ['restaurant', 'building', 'city', 'mall', 'hotel'];
  assert.deepEqual(choice('the answer is most likely E, a hotel.', 'ABCDE', csqa), {
    letter: 'E',
    method: 'choice-letter',
  });
  assert.deepEqual(choice('So the answer is probably (B).'), { letter: 'B', method: 'choice-letter' });
  assert.deepEqual(choice('The answer is B, as A and C are too small.'), {
    letter: 'B',
    method: 'choice-letter',
  });
  assert.deepEqual(choice('the answer is most likely A, B, or D.'), { letter: null, method: 'hedged' });
  assert.deepEqual(choice('the answer is A, B, C, and E.'), { letter: null, method: 'hedged' });
  assert.deepEqual(choice('the answer is (B), (C), (D), and (E).'), { letter: null, method: 'hedged' });
  assert.deepEqual(choice('the answer is most likely (D) and (C).'), { letter: null, method: 'hedged' });
  assert.deepEqual(choice('the answer is most likely D) attic or E) cupboard.', 'ABCDE', csqa), {
    letter: null,
    method: 'hedged',
  });
});

test('"#### 125,96" names two answers and is no answer; "#### 1,000" and "#### 10." are one', () => {
  assert.equal(num('So $125 or $96.\n#### 125,96'), null);
  assert.equal(num('#### 5 or 7'), null);
  assert.deepEqual(num('#### 1,000'), { value: '1000', method: 'hashes' });
  assert.deepEqual(num('She has $10 left. #### 10. '), { value: '10', method: 'hashes' });
  assert.deepEqual(num('#### 2.5'), { value: '2.5', method: 'hashes' });
});

test('without a marker, the one number a final ```output block printed is the answer', () => {
  const tir = (out: string, after: string) =>
    `\`\`\`python\nprint(x)\n\`\`\`\n\`\`\`output\n${out}\n\`\`\`\n${after}`;
  assert.deepEqual(num(tir('5', '5 cars drove through in the first 15 minutes.')), {
    value: '5',
    method: 'program-output',
  });
  assert.deepEqual(num(tir('3.0', 'Three trucks carry 80 flagstones.')), {
    value: '3',
    method: 'program-output',
  });
  // an explicit answer wins; an output of several values, or code after the output, is no program answer
  assert.deepEqual(num(tir('5', 'So the answer is $\\boxed{6}$.')), { value: '6', method: 'boxed' });
  assert.deepEqual(num(tir('[2, 3]', 'So 3 cars.')), { value: '3', method: 'last-number' });
  assert.deepEqual(num(`${tir('5', 'Next:')}\n\`\`\`python\nprint(7)\n\`\`\`\nSo 7 cars.`), {
    value: '7',
    method: 'last-number',
  });
});

test('letters run together ("the answer is CE") are a hedge; an option whose text they are is that option', () => {
  assert.deepEqual(choice('Therefore, among A through E, the answer is CE.'), {
    letter: null,
    method: 'hedged',
  });
  assert.deepEqual(choice('The answer is AB', 'ABCD', ['BC', 'AB', 'AC', 'CD']), {
    letter: 'B',
    method: 'option-text',
  });
  assert.deepEqual(choice('Between C and E, the answer is E.'), { letter: 'E', method: 'choice-letter' });
});
