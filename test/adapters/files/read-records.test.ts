import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readRecords } from '../../../src/adapters/files/read-records.ts';
import { type KindedRecord, writeRecords } from '../../../src/adapters/files/write-records.ts';
import { InputError } from '../../../src/core/import/source-record.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-read-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

function problemOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof InputError);
    return err.problems[0]!;
  }
  assert.fail('expected an InputError');
}

test('JSONL records carry their own line numbers, skipping blank lines', () => {
  const p = file('a.jsonl', '{"kind":"model","id":"a"}\n\n{"kind":"model","id":"b"}\n');
  assert.deepEqual(
    readRecords(p).map((r) => r.line),
    [1, 3],
  );
});

test('broken JSONL is reported at its line', () => {
  const p = file('b.jsonl', '{"kind":"model"}\n{"kind": model}\n');
  assert.equal(problemOf(() => readRecords(p)).line, 2);
});

test('JSON arrays and sectioned objects give each record the line it starts on', () => {
  const arr = file('c.json', '[\n  {"kind": "model",\n   "id": "a"},\n  {"kind": "model", "id": "b"}\n]\n');
  assert.deepEqual(
    readRecords(arr).map((r) => r.line),
    [2, 4],
  );
  const sec = file(
    'd.json',
    '{\n "models": [\n  {"id": "a"}\n ],\n "results": [\n  {"value": 1},\n  {"value": "{["}\n ]\n}\n',
  );
  const recs = readRecords(sec);
  assert.deepEqual(
    recs.map((r) => [r.kind, r.line]),
    [
      ['model', 3],
      ['result', 6],
      ['result', 7],
    ],
  );
});

test('invalid JSON is reported at the line of the error', () => {
  const p = file('e.json', '[\n {"a": 1},\n {"a": 2,,}\n]');
  assert.equal(problemOf(() => readRecords(p)).line, 3);
});

test('CSV rows carry their line numbers, and broken quoting names its line', () => {
  const ok = file('f.csv', 'kind,id,name\nmodel,a,"A, the first"\nmodel,b,B\n');
  const recs = readRecords(ok);
  assert.deepEqual(
    recs.map((r) => r.line),
    [2, 3],
  );
  assert.equal(recs[0]?.fields.name, 'A, the first');
  const bad = file('g.csv', 'kind,id,name\nmodel,a,A\nmodel,b,"B\nmodel,c,C\n');
  const problem = problemOf(() => readRecords(bad));
  assert.match(problem.problem, /broken CSV/);
  assert.ok(problem.line >= 3, `line ${problem.line}`);
});

test('a CSV row with the wrong number of cells is reported at its line', () => {
  const bad = file('h.csv', 'kind,id,name\nmodel,a,A\nmodel,b\n');
  assert.equal(problemOf(() => readRecords(bad)).line, 3);
});

test('an unknown extension and a missing file are reported', () => {
  assert.match(problemOf(() => readRecords(file('x.txt', ''))).problem, /unknown file type/);
  assert.match(problemOf(() => readRecords(join(dir, 'missing.csv'))).problem, /ENOENT/);
});

test('what writeRecords writes, readRecords reads back to the same fields', () => {
  const recs: KindedRecord[] = [
    {
      kind: 'model',
      value: { id: 'a', name: 'A, "quoted"', categories: ['x', 'y'], totalParamsB: 7, links: [] },
    },
  ];
  for (const format of ['jsonl', 'json'] as const) {
    const back = readRecords(file(`rt.${format}`, writeRecords(recs, format)));
    assert.equal(back[0]?.fields.name, 'A, "quoted"');
    assert.deepEqual(back[0]?.fields.categories, ['x', 'y']);
  }
  const csv = readRecords(file('rt.csv', writeRecords(recs, 'csv')));
  assert.equal(csv[0]?.fields.name, 'A, "quoted"');
  assert.equal(csv[0]?.fields.categories, 'x;y');
});
