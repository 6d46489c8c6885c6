import { LLAMA_RUNTIME_MISSING } from '../../src/adapters/providers/llama-runtime.ts';

function installed(): boolean {
  try {
    import.meta.resolve('node-llama-cpp');
    return true;
  } catch {
    return false;
  }
}

/** Whether the optional GGUF runtime is installed (`.ci/run` installs it). */
export const llamaRuntimeInstalled = installed();

/** For `{ skip: skipWithoutLlamaRuntime }`: a visible reason, or false. */
export const skipWithoutLlamaRuntime: string | false = llamaRuntimeInstalled
  ? false
  : `node-llama-cpp is not installed: ${LLAMA_RUNTIME_MISSING.replace(/^.*: run /, 'run ')}`;
