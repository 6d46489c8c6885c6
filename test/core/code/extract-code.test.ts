import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractCode, fencedBlocks, stripReasoning } from '../../../src/core/code/extract-code.ts';

test('reasoning is dropped up to the last closing think tag; unclosed thinking leaves no answer', () => {
  assert.equal(stripReasoning('<think>```python\nbad\n```</think>answer'), 'answer');
  assert.equal(stripReasoning('<think>still thinking'), '');
  assert.equal(stripReasoning('plain'), 'plain');
});

test('fenced blocks are found with their language, including an unclosed last fence', () => {
  assert.deepEqual(fencedBlocks('a\n```python\nx = 1\n```\ntext\n~~~\ny\n'), [
    { lang: 'python', code: 'x = 1' },
    { lang: '', code: 'y\n' },
  ]);
});

test('the Python block is preferred over others; first, last or longest can be picked', () => {
  const text = '```bash\nls\n```\n```python\na = 1\n```\n```py\nb = 22\n```';
  assert.equal(extractCode(text), 'a = 1');
  assert.equal(extractCode(text, { pick: 'last' }), 'b = 22');
  assert.equal(extractCode(text, { pick: 'longest' }), 'b = 22');
  assert.equal(extractCode('```bash\nls\n```'), 'ls');
});

test('without fences the whole answer is the code, unless that fallback is off', () => {
  assert.equal(extractCode('    return 1\n'), '    return 1\n');
  assert.equal(extractCode('no code here', { fallbackToText: false }), null);
  assert.equal(extractCode('<think>x</think>   '), null);
});

test('code inside reasoning is ignored in favour of the final answer', () => {
  const text = '<think>\n```python\nwrong = 1\n```\n</think>\n```python\nright = 2\n```';
  assert.equal(extractCode(text), 'right = 2');
});
