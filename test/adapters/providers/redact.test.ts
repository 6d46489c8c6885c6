import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiKeyFrom,
  Redactor,
  redact,
  redactKnown,
  registerEnvSecrets,
} from '../../../src/adapters/providers/redact.ts';
import { credentialedUrl, stripCredentials } from '../../../src/adapters/providers/url-credentials.ts';

const KEY = 'sk-proj/Ab3dE5gH7jK9mN1pQ+rS';

test('the whole key, in JSON-escaped, double-escaped, \\/ and percent-encoded forms, is redacted', () => {
  const r = new Redactor([KEY]);
  for (const form of [
    KEY,
    KEY.replaceAll('/', '\\/'),
    JSON.stringify(JSON.stringify(KEY)),
    encodeURIComponent(KEY),
  ]) {
    const out = r.text(`before ${form} after`);
    assert.equal(out.startsWith('before '), true);
    assert.equal(out.endsWith(' after'), true);
    assert.ok(!out.includes('Ab3dE5gH'), `${form} -> ${out}`);
    assert.ok(!out.includes('7jK9mN1p'), `${form} -> ${out}`);
  }
});

test('every fragment of 8 or more characters of the key is redacted; shorter ones are left', () => {
  const r = new Redactor([KEY]);
  for (let len = 8; len <= KEY.length; len++)
    for (let i = 0; i + len <= KEY.length; i++) {
      const piece = KEY.slice(i, i + len);
      assert.equal(r.text(`x ${piece} y`), 'x [redacted] y', piece);
    }
  assert.equal(r.text('the key starts sk-proj and then'), 'the key starts sk-proj and then');
});

test('a fragment glued to other text is cut out and the rest is kept', () => {
  assert.equal(redact(`Bearer${KEY.slice(3, 20)}!`, [KEY]), 'Bearer[redacted]!');
  assert.equal(redact('nothing to hide here', [KEY]), 'nothing to hide here');
});

test('short secrets are redacted whole; values below 4 characters are ignored', () => {
  assert.equal(redact('user pw12 and pw1', ['pw12', 'abc']), 'user [redacted] and pw1');
});

test('value() redacts strings inside JSON data, keys included, and returns the same object when clean', () => {
  const r = new Redactor([KEY]);
  const clean = { a: ['x', { b: 1 }] };
  assert.equal(r.value(clean), clean);
  assert.deepEqual(r.value({ [KEY]: [`k=${KEY}`, 3, null] }), { '[redacted]': ['k=[redacted]', 3, null] });
});

test('user:password is taken off a base URL and given back only to this process', () => {
  const bare = stripCredentials('http://alice:s3cret-pass@127.0.0.1:8000/v1');
  assert.equal(bare, 'http://127.0.0.1:8000/v1');
  assert.equal(credentialedUrl(bare), 'http://alice:s3cret-pass@127.0.0.1:8000/v1');
  assert.equal(credentialedUrl('http://127.0.0.1:9/v1'), 'http://127.0.0.1:9/v1');
  assert.equal(stripCredentials('not a url'), 'not a url');
});

test('keys read by providers and the values of key and token variables become secrets this process redacts', () => {
  registerEnvSecrets(
    {
      MY_API_KEY: 'abcdefgh12345678',
      SHORT_TOKEN: 'abc12',
      HOME: '/home/someone-long-path',
      NAMED: 'zz-named-99',
    },
    ['NAMED'],
  );
  assert.equal(apiKeyFrom('PROVIDER_KEY', { PROVIDER_KEY: 'prov-key-0123456789' }), 'prov-key-0123456789');
  assert.equal(
    redactKnown('a abcdefgh12345678 b abc12 c /home/someone-long-path d zz-named-99 e key-0123456'),
    'a [redacted] b abc12 c /home/someone-long-path d [redacted] e [redacted]',
  );
});
