import { ExecutorCache } from '../../adapters/sandbox/executor-cache.ts';
import { withExecutors } from '../../adapters/sandbox/shared-executor.ts';

/**
 * What the runs of one evaluation share and release together: the sandbox executors of code tasks.
 * Work done inside `run` uses this context's executors, so two evaluations in one process each have
 * their own and neither can close the other's.
 */
export class RunContext {
  readonly executors = new ExecutorCache();

  run<T>(fn: () => Promise<T>): Promise<T> {
    return withExecutors(this.executors, fn);
  }

  async close(): Promise<void> {
    await this.executors.close();
  }
}
