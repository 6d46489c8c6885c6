import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseModelSpec } from '../../../src/core/engine/model-spec.ts';
import { UserError } from '../../../src/core/errors/user-error.ts';

const refusal = (spec: string) => {
  try {
    parseModelSpec(spec);
  } catch (err) {
    assert.ok(err instanceof UserError);
    return err.message;
  }
  return assert.fail(`${spec} was accepted`);
};

test('a base URL without a scheme is an error, never a model name sent to the hosted API', () => {
  for (const spec of [
    'openai:m@127.0.0.1:8000/v1',
    'openai-completions:m@localhost:8080',
    'anthropic:claude@my-proxy.internal/v1',
    'openai:m@[::1]:8000/v1',
  ])
    assert.match(refusal(spec), /the base URL ".+" has no scheme: write http:\/\//, spec);
  assert.match(refusal('openai:m@ftp://127.0.0.1/v1'), /must start with http:\/\/ or https:\/\//);
});

test('base URLs with a scheme, and model names holding an @ that is not a host, are accepted', () => {
  assert.equal(parseModelSpec('openai:m@http://127.0.0.1:8000/v1/').args.baseUrl, 'http://127.0.0.1:8000/v1');
  assert.equal(
    parseModelSpec('openai:m@HTTPS://api.example.org/v1').args.baseUrl,
    'HTTPS://api.example.org/v1',
  );
  assert.equal(parseModelSpec('openai:org/model@v2').args.model, 'org/model@v2');
  assert.equal(parseModelSpec('openai:gpt-4o').args.baseUrl, 'https://api.openai.com/v1');
});
