import { AsyncLocalStorage } from 'node:async_hooks';
import type { CodeExecutor } from './code-executor.ts';
import { ExecutorCache } from './executor-cache.ts';
import type { ExecutorOptions } from './open-executor.ts';

const processWide = new ExecutorCache();
const scope = new AsyncLocalStorage<ExecutorCache>();

/**
 * The executor a code task uses, opened on first use, one per set of options: from the executors of
 * the run context it is called in (see app/eval/run-context.ts), else the process's own, kept for the
 * life of the process (tests, one-off scoring). Two runs in one process never close each other's.
 */
export function sharedExecutor(o: ExecutorOptions = {}): Promise<CodeExecutor> {
  return (scope.getStore() ?? processWide).get(o);
}

/** Runs `fn` with `executors` as the executors of every code task it calls. */
export function withExecutors<T>(executors: ExecutorCache, fn: () => Promise<T>): Promise<T> {
  return scope.run(executors, fn);
}
