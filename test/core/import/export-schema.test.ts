import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { exportRecordJsonSchema } from '../../../src/core/import/export-schema.ts';

const FILE = new URL('../../../schema/export-records.schema.json', import.meta.url);

test('the committed JSON Schema of export records is the one the zod schemas generate (node scripts/export-schema.ts)', () => {
  assert.equal(readFileSync(FILE, 'utf8'), `${JSON.stringify(exportRecordJsonSchema(), null, 2)}\n`);
});

test('the JSON Schema describes every record kind, samples with their gold answer, verdict and tokens', () => {
  const schema = exportRecordJsonSchema() as { anyOf: { properties: Record<string, unknown> }[] };
  const kinds = schema.anyOf.map((s) => (s.properties.kind as { const: string }).const);
  assert.deepEqual(kinds, ['model', 'benchmark', 'result', 'figure', 'run', 'sample']);
  const sample = schema.anyOf[5]!.properties;
  for (const field of [
    'itemId',
    'sampleIndex',
    'messages',
    'response',
    'reasoning',
    'target',
    'extracted',
    'verdict',
    'score',
    'promptTokens',
    'completionTokens',
    'latencyMs',
    'error',
    'tags',
  ])
    assert.ok(field in sample, `sample.${field}`);
});
