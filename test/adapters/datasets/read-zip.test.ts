import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listZipEntries, readZipEntry } from '../../../src/adapters/datasets/read-zip.ts';
import { UserError } from '../../../src/core/errors/user-error.ts';
import { makeZip } from '../../helpers/make-zip.ts';

const CSV = Buffer.from('Question,Answer\n"What is 2+2?",4\n'.repeat(20));

test('readZipEntry decrypts a ZipCrypto entry and inflates it in memory', () => {
  const zip = makeZip('data/q.csv', CSV, 'open-sesame');
  assert.deepEqual(
    listZipEntries(zip).map((e) => [e.name, e.flags & 1, e.method]),
    [['data/q.csv', 1, 8]],
  );
  assert.deepEqual(readZipEntry(zip, 'data/q.csv', 'open-sesame'), CSV);
});

test('readZipEntry reads an unencrypted entry', () => {
  assert.deepEqual(readZipEntry(makeZip('a.txt', CSV, null), 'a.txt'), CSV);
});

test('readZipEntry rejects a wrong password, a missing password and a missing entry with a clear error', () => {
  const zip = makeZip('data/q.csv', CSV, 'open-sesame');
  assert.throws(
    () => readZipEntry(zip, 'data/q.csv', 'wrong'),
    (e: Error) => e instanceof UserError && /wrong password|CRC/.test(e.message),
  );
  assert.throws(() => readZipEntry(zip, 'data/q.csv', null), /encrypted/);
  assert.throws(() => readZipEntry(zip, 'other.csv', 'open-sesame'), /no entry "other.csv"/);
  assert.throws(
    () => listZipEntries(Buffer.from('not a zip at all, just text'), 'x.zip'),
    /x.zip: not a zip/,
  );
});
