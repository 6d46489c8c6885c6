import { z } from 'zod';
import { DEFAULTS } from '../../core/settings/defaults.ts';

/** A suite file: several models x benchmarks with shared settings (`yardstick eval suite.yaml`). */
export const EvalSuite = z
  .object({
    models: z.array(z.string().min(1)).min(1),
    benchmarks: z.array(z.string().min(1)).min(1),
    limit: z.number().int().positive().nullable().default(null),
    samples: z.number().int().positive().default(1),
    concurrency: z.number().int().positive().default(DEFAULTS.concurrency),
    seed: z.number().int().default(0),
    temperature: z.number().min(0).max(2).default(0),
    topP: z.number().gt(0).max(1).nullable().default(null),
    maxTokens: z.number().int().positive().nullable().default(null),
    apiKeyEnv: z.string().optional(),
    extraBody: z.record(z.string(), z.unknown()).default({}),
    /** Task arguments for every benchmark of the suite, e.g. { prompt: 8-shot }. */
    taskArgs: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
export type EvalSuite = z.infer<typeof EvalSuite>;
