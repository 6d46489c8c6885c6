import { AnthropicProvider } from '../../../src/adapters/providers/anthropic-provider.ts';
import { providerConformance } from './provider-conformance.ts';

providerConformance(
  'Anthropic Messages',
  ({ url, env, timeoutMs, extra }) =>
    new AnthropicProvider(
      { model: 'claude-test', baseUrl: url, apiKeyEnv: 'TEST_KEY', timeoutMs, ...extra },
      env,
    ),
  { http: true },
);
