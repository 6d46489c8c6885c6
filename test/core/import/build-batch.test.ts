import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildBatch } from '../../../src/core/import/build-batch.ts';
import type { SourceRecord } from '../../../src/core/import/source-record.ts';

const known = { models: new Set(['m-7b']), benchmarks: new Set(['gsm8k']) };
const rec = (line: number, fields: Record<string, unknown>, textual = false): SourceRecord => ({
  file: 'in.jsonl',
  line,
  kind: typeof fields.kind === 'string' ? fields.kind : null,
  fields,
  textual,
});
const result = {
  kind: 'result',
  model: 'm-7b',
  benchmark: 'gsm8k',
  metric: 'accuracy',
  value: 71.5,
  source: 'publication',
  paper: 'P',
};

test('valid records of every kind are assembled into a batch', () => {
  const { batch, problems } = buildBatch(
    [
      rec(1, { kind: 'model', id: 'new-1b', name: 'New-1B', family: 'New', totalParamsB: 1 }),
      rec(2, { kind: 'benchmark', id: 'math', name: 'MATH', domain: 'math', metric: 'accuracy' }),
      rec(3, result),
      rec(4, { ...result, model: 'new-1b', benchmark: 'math' }),
    ],
    known,
  );
  assert.deepEqual(problems, []);
  assert.equal(batch.models.length, 1);
  assert.equal(batch.benchmarks.length, 1);
  assert.equal(batch.results.length, 2);
});

test('a result for an unknown benchmark is reported at its line and field', () => {
  const { problems } = buildBatch([rec(7, { ...result, benchmark: 'nope' })], known);
  assert.deepEqual(problems, [
    { file: 'in.jsonl', line: 7, field: 'benchmark', problem: 'unknown benchmark "nope"' },
  ]);
});

test('a wrong type names the field', () => {
  const { problems } = buildBatch([rec(2, { ...result, value: 'high' })], known);
  assert.equal(problems[0]?.field, 'value');
  assert.equal(problems[0]?.line, 2);
});

test('an unknown field is rejected rather than silently dropped', () => {
  const { problems } = buildBatch([rec(3, { ...result, vaule: 3 })], known);
  assert.equal(problems[0]?.field, 'vaule');
  assert.match(problems[0]!.problem, /unknown field/);
});

test('the same key twice with a different value is a conflict naming both lines; an exact repeat is not', () => {
  const same = buildBatch([rec(1, result), rec(2, result)], known);
  assert.deepEqual(same.problems, []);
  assert.equal(same.batch.results.length, 1);
  const conflict = buildBatch([rec(1, result), rec(5, { ...result, value: 80 })], known);
  assert.equal(conflict.problems.length, 1);
  assert.equal(conflict.problems[0]?.line, 5);
  assert.match(conflict.problems[0]!.problem, /conflicts with in\.jsonl:1/);
});

test('CSV text cells are coerced by field type: numbers, booleans, lists, and empty cells as absent', () => {
  const { batch, problems } = buildBatch(
    [
      rec(
        2,
        {
          kind: 'model',
          id: 'x-1b',
          name: 'X',
          family: 'X',
          totalParamsB: '1.5',
          openWeights: 'yes',
          categories: 'a; b',
          notes: '',
        },
        true,
      ),
      rec(
        3,
        {
          kind: 'result',
          model: 'x-1b',
          benchmark: 'gsm8k',
          metric: 'accuracy',
          value: '55.5',
          approximate: 'true',
          source: 'publication',
          paper: 'P',
          n: '',
        },
        true,
      ),
    ],
    known,
  );
  assert.deepEqual(problems, []);
  assert.equal(batch.models[0]?.totalParamsB, 1.5);
  assert.equal(batch.models[0]?.openWeights, true);
  assert.deepEqual(batch.models[0]?.categories, ['a', 'b']);
  assert.equal(batch.results[0]?.value, 55.5);
  assert.equal(batch.results[0]?.n, null);
});

test('a non-number in a numeric CSV cell is reported with the cell text', () => {
  const { problems } = buildBatch([rec(4, { ...result, value: '7o' }, true)], known);
  assert.deepEqual(problems, [
    { file: 'in.jsonl', line: 4, field: 'value', problem: 'expected a number, got "7o"' },
  ]);
});

test('a record whose kind cannot be told is reported', () => {
  const { problems } = buildBatch([rec(1, { foo: 1 })], known);
  assert.equal(problems[0]?.field, 'kind');
});

test('a publication result without a paper is invalid', () => {
  const { problems } = buildBatch([rec(1, { ...result, paper: undefined })], known);
  assert.equal(problems[0]?.field, 'paper');
});
