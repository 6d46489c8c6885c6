import { LlamaCppProvider } from '../../../src/adapters/providers/llama-cpp-provider.ts';
import { skipWithoutLlamaRuntime } from '../../helpers/llama-runtime.ts';
import { sharedPath, skipWithoutShared } from '../../helpers/shared-dir.ts';
import { providerConformance } from './provider-conformance.ts';

const gguf = sharedPath('models/llama-2-tiny-random.gguf');

providerConformance(
  'llama.cpp in-process (tiny GGUF)',
  () => new LlamaCppProvider({ model: gguf ?? 'missing.gguf', threads: 2, contextSize: 256 }),
  { http: false, skip: skipWithoutLlamaRuntime || skipWithoutShared('models/llama-2-tiny-random.gguf') },
);
