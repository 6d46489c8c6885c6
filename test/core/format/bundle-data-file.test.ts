import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundleDataFile, canonicalApiPath } from '../../../src/core/format/bundle-data-file.ts';

test('an API path has one canonical spelling whatever the order of its parameters, and one data file', () => {
  assert.equal(
    canonicalApiPath('/api/runs/r/samples?limit=200&after=0~a'),
    '/api/runs/r/samples?after=0%7Ea&limit=200',
  );
  assert.equal(canonicalApiPath('/api/runs'), '/api/runs');
  assert.equal(canonicalApiPath('/api/runs?'), '/api/runs');
  assert.equal(bundleDataFile('/api/compare?a=x&b=y'), bundleDataFile('/api/compare?b=y&a=x'));
  assert.notEqual(bundleDataFile('/api/compare?a=x&b=y'), bundleDataFile('/api/compare?a=y&b=x'));
  assert.match(bundleDataFile('/api/runs'), /^[0-9a-f]{8}\.js$/);
});
