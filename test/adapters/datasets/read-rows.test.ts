import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { expectCount, parseJsonl, validateRows } from '../../../src/adapters/datasets/read-rows.ts';

test('parseJsonl names the file and line of invalid JSON', () => {
  assert.throws(() => parseJsonl('data.jsonl', '{"a":1}\n\n{"a":'), /data\.jsonl:3: invalid JSON/);
});

test('validateRows names the file, row and field that break the schema', () => {
  const rows = parseJsonl('data.jsonl', '{"q":"x","n":1}\n{"q":"y","n":"two"}\n');
  assert.throws(
    () => validateRows('data.jsonl', rows, z.object({ q: z.string(), n: z.number() })),
    /data\.jsonl:2: n:/,
  );
});

test('expectCount rejects a file with the wrong number of items', () => {
  assert.throws(() => expectCount('data.jsonl', 3, 5), /expected 5 items, found 3/);
  expectCount('data.jsonl', 5, 5);
});
