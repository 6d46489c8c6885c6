import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completionPrompt, OpenAiProvider } from '../../../src/adapters/providers/openai-provider.ts';
import { providerConformance } from './provider-conformance.ts';

providerConformance(
  'OpenAI completions',
  ({ url, env, timeoutMs, extra }) =>
    new OpenAiProvider(
      'completions',
      { model: 'm', baseUrl: url, apiKeyEnv: 'TEST_KEY', timeoutMs, ...extra },
      env,
    ),
  { http: true, reasoningField: false },
);

test('the completions prompt keeps every message in order and ends ready for the answer', () => {
  const p = completionPrompt([
    { role: 'system', content: 'S' },
    { role: 'user', content: 'Q1' },
    { role: 'assistant', content: 'A1' },
    { role: 'user', content: 'Q2' },
  ]);
  assert.equal(p, 'S\n\nQ1\n\nAnswer: A1\n\nQ2\n\n');
});
