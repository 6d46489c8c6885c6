import type { AnthropicArgs } from './anthropic-provider.ts';
import type { LlamaCppArgs } from './llama-cpp-provider.ts';
import type { OpenAiArgs } from './openai-provider.ts';
import type { Provider } from './provider.ts';

/** Registry factories for the providers; each imports its module only when built. */
export const openAiChat = async (args: Record<string, unknown>): Promise<Provider> =>
  new (await import('./openai-provider.ts')).OpenAiProvider('chat', args as OpenAiArgs);

export const openAiCompletions = async (args: Record<string, unknown>): Promise<Provider> =>
  new (await import('./openai-provider.ts')).OpenAiProvider('completions', args as OpenAiArgs);

export const anthropic = async (args: Record<string, unknown>): Promise<Provider> =>
  new (await import('./anthropic-provider.ts')).AnthropicProvider(args as AnthropicArgs);

/** Checks that the GGUF runtime is installed before a run is planned, so nothing is sent or recorded. */
export const llamaCpp = async (args: Record<string, unknown>): Promise<Provider> => {
  await (await import('./llama-runtime.ts')).importLlamaRuntime();
  return new (await import('./llama-cpp-provider.ts')).LlamaCppProvider(args as LlamaCppArgs);
};
