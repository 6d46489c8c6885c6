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

test('runs and samples are read back as written; a sample must belong to a stored run or one in the same input', async () => {
  const { runSpec, sample } = await import('../../helpers/fixtures.ts');
  const run = { spec: runSpec({ id: 'r1' }), status: 'finished', finishedAt: '2026-01-02T00:00:00.000Z' };
  const s1 = sample({ runId: 'r1', target: '4', tags: { level: '1' } });
  const s2 = sample({ runId: 'r-stored', itemId: 'q2' });
  const ok = buildBatch(
    [rec(1, { kind: 'run', ...run }), rec(2, { kind: 'sample', ...s1 }), rec(3, { kind: 'sample', ...s2 })],
    { ...known, runs: new Set(['r-stored']) },
  );
  assert.deepEqual(ok.problems, []);
  // A run exported before the lifecycle fields existed imports with no failure reason and no progress.
  const noProgress = { owner: null, heartbeatAt: null, done: 0, total: 0, errors: 0, cached: 0 };
  assert.deepEqual(ok.batch.runs, [{ ...run, reason: null, progress: noProgress }]);
  assert.deepEqual(ok.batch.samples, [s1, s2]);
  const orphan = buildBatch([rec(5, { kind: 'sample', ...s2 })], known);
  assert.deepEqual(orphan.problems, [
    {
      file: 'in.jsonl',
      line: 5,
      field: 'runId',
      problem: `unknown run "r-stored"; a sample's run must be stored or in the same import`,
    },
  ]);
  const clash = buildBatch(
    [
      rec(1, { kind: 'run', ...run }),
      rec(2, { kind: 'sample', ...s1 }),
      rec(9, { kind: 'sample', ...s1, score: 0 }),
    ],
    known,
  );
  assert.match(clash.problems[0]!.problem, /duplicate sample r1\/q1\/0 conflicts with in.jsonl:2/);
});

test('a sample from a CSV row gets its numbers and JSON cells typed', () => {
  const { batch, problems } = buildBatch(
    [
      rec(
        2,
        {
          kind: 'sample',
          runId: 'r1',
          itemId: 'q1',
          sampleIndex: '0',
          messages: '[{"role":"user","content":"2+2?"}]',
          response: '4',
          verdict: 'correct',
          score: '1',
          promptTokens: '',
          tags: '{"level":"1"}',
          createdAt: '2026-01-01T00:00:00.000Z',
        },
        true,
      ),
    ],
    { ...known, runs: new Set(['r1']) },
  );
  assert.deepEqual(problems, []);
  assert.equal(batch.samples[0]?.score, 1);
  assert.equal(batch.samples[0]?.promptTokens, null);
  assert.deepEqual(batch.samples[0]?.tags, { level: '1' });
});
