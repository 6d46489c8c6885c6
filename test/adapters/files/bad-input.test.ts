import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseJsonl } from '../../../src/adapters/datasets/read-rows.ts';
import { readRecords } from '../../../src/adapters/files/read-records.ts';
import { UserError } from '../../../src/core/errors/user-error.ts';
import { checkJsonText, MAX_JSON_DEPTH } from '../../../src/core/import/check-json-text.ts';
import { formatProblem, InputError } from '../../../src/core/import/source-record.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-bad-input-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

/** The one line the CLI would print for a file readRecords refuses. */
function refusal(p: string): string {
  try {
    readRecords(p);
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    assert.equal(err.problems.length, 1);
    return formatProblem(err.problems[0]!);
  }
  return assert.fail('expected the file to be refused');
}

const ok = '{"kind":"model","id":"a","name":"A","family":"F"}';
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

test('a NUL byte in JSONL or CSV is refused at its line', () => {
  const jsonl = file('nul.jsonl', `${ok}\n{"kind":"model","id":"b\u0000"}\n`);
  assert.equal(refusal(jsonl), `${jsonl}:2: NUL byte: not a text file`);
  const csv = file('nul.csv', 'kind,id\nmodel,a\nmodel,b\u0000\n');
  assert.equal(refusal(csv), `${csv}:3: NUL byte: not a text file`);
});

test('invalid UTF-8 in JSONL or CSV is refused at its line', () => {
  const bad = Buffer.concat([
    Buffer.from(`${ok}\n${ok}\n{"kind":"model","id":"`),
    Buffer.from([0xc3, 0x28]),
    Buffer.from('"}\n'),
  ]);
  const jsonl = file('latin.jsonl', bad);
  assert.equal(refusal(jsonl), `${jsonl}:3: invalid UTF-8 (save the file as UTF-8)`);
  const csv = file(
    'latin.csv',
    Buffer.concat([Buffer.from('kind,id\nmodel,caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
  );
  assert.equal(refusal(csv), `${csv}:2: invalid UTF-8 (save the file as UTF-8)`);
  const surrogate = file('surrogate.jsonl', Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22, 0x0a]));
  assert.match(refusal(surrogate), /:1: invalid UTF-8/);
});

test('a key repeated in one JSON object is refused at its line, in JSONL, JSON and dataset files', () => {
  const jsonl = file('dup.jsonl', `${ok}\n{"kind":"model","id":"a","id":"b"}\n`);
  assert.equal(refusal(jsonl), `${jsonl}:2: duplicate key "id"`);
  const json = file('dup.json', `[\n  ${ok},\n  {"kind":"model",\n   "name":"x", "na\\u006de":"y"}\n]\n`);
  assert.equal(refusal(json), `${json}:4: duplicate key "name"`);
  assert.throws(
    () => parseJsonl('data.jsonl', '{"q":"a","answer":"1"}\n{"q":"b","answer":"1","answer":"2"}\n'),
    (e: Error) =>
      e instanceof UserError && e.exitCode === 3 && e.message === 'data.jsonl:2: duplicate key "answer"',
  );
  // The same key in sibling or nested objects is fine.
  assert.equal(checkJsonText('[{"a":1},{"a":2,"b":{"a":3}}]'), null);
  assert.equal(
    checkJsonText('{"a":"x\\"a\\":","b":1}'),
    null,
    'a quoted key inside a string value is not a key',
  );
});

test('pathologically deep nesting is refused at its line, without overflowing the stack', () => {
  const jsonl = file('deep.jsonl', `${ok}\n{"kind":"model","id":${deep(200_000)}}\n`);
  assert.equal(refusal(jsonl), `${jsonl}:2: nested deeper than ${MAX_JSON_DEPTH} levels`);
  const json = file('deep.json', `[\n${deep(5000)}\n]`);
  assert.equal(refusal(json), `${json}:2: nested deeper than ${MAX_JSON_DEPTH} levels`);
  assert.equal(checkJsonText(deep(MAX_JSON_DEPTH)), null);
});

test('a column named twice in a CSV header is refused at line 1, as a repeated JSON key is', () => {
  const csv = file('dup-column.csv', 'kind,id,name,id\nmodel,a,A,b\n');
  assert.equal(refusal(csv), `${csv}:1: duplicate column "id"`);
});
