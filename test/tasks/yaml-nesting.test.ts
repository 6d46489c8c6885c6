import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { yamlTooDeep } from '../../src/tasks/yaml/yaml-nesting.ts';

const flow = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const block = (n: number) =>
  Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';

test('YAML nesting is measured as JSON nesting is: the root collection is level 1', () => {
  assert.equal(yamlTooDeep(flow(100), 100), null);
  assert.equal(yamlTooDeep(flow(101), 100), 100, 'the 101st [ is named');
  assert.equal(yamlTooDeep(block(100), 100), null);
  const deep = block(101);
  assert.equal(yamlTooDeep(deep, 100), deep.indexOf('k100'));
  // The root map, the flow sequence, the flow map, the innermost sequence: four levels.
  const mixed = 'a: [1, {b: [c]}]\nd:\n  - - x\n';
  assert.equal(yamlTooDeep(mixed, 4), null);
  assert.equal(yamlTooDeep(mixed, 3), mixed.indexOf('[c]'));
  assert.equal(yamlTooDeep(mixed, 2), mixed.indexOf('{'));
});

test('100,000 nested block sequences are measured without overflowing the stack that composing them overflows', () => {
  const text = `a:\n  ${'- '.repeat(100_000)}x\n`;
  assert.ok(parseDocument(text).errors.some((e) => /call stack/.test(e.message)));
  assert.equal(yamlTooDeep(text, 100), text.indexOf('-') + 2 * 99);
});
