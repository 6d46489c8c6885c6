import { EXIT, UserError } from '../../core/errors/user-error.ts';

/** The GGUF runtime's version range, as package.json declares it (an optional peer dependency). */
export const LLAMA_RUNTIME_RANGE = '^3.22.1';

/** The one line that says how to install the GGUF runtime. */
export const LLAMA_RUNTIME_MISSING =
  'gguf: and hf: models need the GGUF runtime, which is not installed: ' +
  `run \`npm install --no-save node-llama-cpp@${LLAMA_RUNTIME_RANGE}\``;

/** Whether an import failed because the named package is not installed. */
export function isMissingPackage(err: unknown, name: string): boolean {
  const e = err as { code?: string; message?: string } | null;
  return (
    (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') &&
    (e.message ?? '').includes(`'${name}'`)
  );
}

/**
 * Imports node-llama-cpp, which the default install leaves out (its binaries weigh ~700 MB). When it
 * is absent the error is one line that says how to install it.
 */
export async function importLlamaRuntime(): Promise<typeof import('node-llama-cpp')> {
  try {
    return await import('node-llama-cpp');
  } catch (err) {
    if (isMissingPackage(err, 'node-llama-cpp')) throw new UserError(LLAMA_RUNTIME_MISSING, EXIT.notFound);
    throw err;
  }
}
