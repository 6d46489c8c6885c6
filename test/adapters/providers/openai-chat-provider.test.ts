import { OpenAiProvider } from '../../../src/adapters/providers/openai-provider.ts';
import { providerConformance } from './provider-conformance.ts';

providerConformance(
  'OpenAI chat completions',
  ({ url, env, timeoutMs, extra }) =>
    new OpenAiProvider('chat', { model: 'm', baseUrl: url, apiKeyEnv: 'TEST_KEY', timeoutMs, ...extra }, env),
  { http: true },
);
