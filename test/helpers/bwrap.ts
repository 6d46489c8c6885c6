import { after, before } from 'node:test';
import type { CodeExecutor } from '../../src/adapters/sandbox/code-executor.ts';
import { findBwrap, openExecutor } from '../../src/adapters/sandbox/open-executor.ts';

/** For `test(name, { skip: skipWithoutBwrap() }, ...)`: a visible reason when bubblewrap is absent. */
export function skipWithoutBwrap(): string | false {
  return findBwrap() ? false : 'bubblewrap (/usr/bin/bwrap) is not installed: sandbox tests need it';
}

/**
 * One sandboxed executor for a test file: opened before its tests (unless `skip`) and closed after.
 * Returns its getter; hooks registered after this one see the executor already open.
 */
export function executorForFile(
  skip: string | false,
  options: Parameters<typeof openExecutor>[0] = {},
): () => CodeExecutor {
  let ex: CodeExecutor | null = null;
  before(async () => {
    if (!skip) ex = await openExecutor(options);
  });
  after(async () => {
    await ex?.close();
  });
  return () => ex!;
}
