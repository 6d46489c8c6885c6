import { OpenAiProvider } from '../../../src/adapters/providers/openai-provider.ts';
import { providerConformance } from './provider-conformance.ts';

providerConformance(
  'OpenAI chat completions',
  ({ url, env, timeoutMs }) =>
    new OpenAiProvider('chat', { model: 'm', baseUrl: url, apiKeyEnv: 'TEST_KEY', timeoutMs }, env),
  { http: true },
);
