import type { CodeExecutor } from '../../adapters/sandbox/code-executor.ts';
import { ReferenceTimings } from '../../adapters/sandbox/reference-timings.ts';
import { sharedExecutor } from '../../adapters/sandbox/shared-executor.ts';
import { CodeTaskOptions } from '../../core/code/code-task-options.ts';
import type { TimeLimitPolicy } from '../../core/code/time-limit.ts';
import { parseTaskArgs } from '../../core/task/parse-task-args.ts';
import type { z } from 'zod';

export interface CodeTaskRuntime {
  options: CodeTaskOptions;
  /** The sandbox (or an executor injected by tests), opened on first use and shared. */
  executor: () => Promise<CodeExecutor>;
  /** Reference-solution runtimes, measured once per problem on this machine. */
  timings: ReferenceTimings;
  policy: TimeLimitPolicy;
}

/**
 * What every sandboxed code task builds from its args (checked against `schema`, CodeTaskOptions or
 * an extension of it): options, executor, timings, time-limit policy. Tests inject an `executor`.
 */
export function codeTaskRuntime(
  task: string,
  args: Record<string, unknown>,
  schema: z.ZodObject = CodeTaskOptions,
): CodeTaskRuntime {
  const { executor: injected, ...rest } = args as { executor?: CodeExecutor } & Record<string, unknown>;
  const options = parseTaskArgs(task, schema, rest) as CodeTaskOptions;
  return {
    options,
    executor: () =>
      injected
        ? Promise.resolve(injected)
        : sharedExecutor({ unsafeLocal: options.unsafeLocal, workers: options.workers }),
    timings: new ReferenceTimings(options.timingsFile),
    policy: {
      kind: options.timeLimit,
      floorMs: options.timeFloorMs,
      factor: options.timeFactor,
      fixedMs: options.fixedTimeoutMs,
    },
  };
}
