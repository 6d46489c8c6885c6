import { z } from 'zod';
import { DEFAULTS } from '../../core/settings/defaults.ts';
import { SuiteModel } from './suite-model.ts';

/** A suite file: several models x benchmarks with shared settings (`yardstick eval suite.yaml`). */
export const EvalSuite = z
  .object({
    /** Model specs, or {model, baseUrl, apiKeyEnv, maxTokens, ..., rpm, tpm} with per-model settings. */
    models: z.array(SuiteModel).min(1),
    /** An evaluation recipe (yardstick recipes); the suite's and models' own settings override it. */
    recipe: z.string().optional(),
    benchmarks: z.array(z.string().min(1)).min(1),
    limit: z.number().int().positive().nullable().default(null),
    samples: z.number().int().positive().optional(),
    concurrency: z.number().int().positive().default(DEFAULTS.concurrency),
    seed: z.number().int().default(0),
    temperature: z.number().min(0).max(2).optional(),
    topP: z.number().gt(0).max(1).nullable().optional(),
    maxTokens: z.number().int().positive().nullable().optional(),
    rpm: z.number().int().positive().optional(),
    tpm: z.number().int().positive().optional(),
    apiKeyEnv: z.string().optional(),
    extraBody: z.record(z.string(), z.unknown()).default({}),
    /** Task arguments for every benchmark of the suite, e.g. { prompt: 8-shot }. */
    taskArgs: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
export type EvalSuite = z.infer<typeof EvalSuite>;
