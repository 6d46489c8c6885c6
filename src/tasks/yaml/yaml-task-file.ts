import { METRIC_NAME } from '../../core/metrics/metric-by-name.ts';
import { z } from 'zod';

/** A user-written task file (YAML). Paths are relative to the file. */
export const YamlTaskFile = z
  .object({
    name: z.string().min(1),
    benchmark: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be a lowercase slug (a-z, 0-9, ".", "-", "_")'),
    version: z.union([z.string(), z.number()]).transform(String).nullable().default(null),
    dataset: z.object({
      path: z.string().min(1),
      input: z.string().min(1).default('input'),
      target: z.string().min(1).default('target'),
      id: z.string().min(1).nullable().default(null),
    }),
    prompt: z.object({
      id: z.string().min(1).default('zero-shot'),
      system: z.string().nullable().default(null),
      /** Worked examples shown before the question as user/assistant turns. */
      fewshot: z.array(z.object({ input: z.string(), target: z.string() })).default([]),
      /** Messages for the question; {{input}} and {{field}} placeholders are filled from the item. */
      messages: z
        .array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() }))
        .min(1)
        .default([{ role: 'user', content: '{{input}}' }]),
      /** Assistant turn of each few-shot example; {{target}} is the example's answer. */
      fewshotAnswer: z.string().default('The answer is {{target}}.'),
    }),
    scorer: z.string().min(1).default('number'),
    metrics: z
      .array(
        z.string().regex(METRIC_NAME, 'must be accuracy, pass@1, pass@N, maj@k or extraction-failure-rate'),
      )
      .min(1)
      .default(['accuracy']),
  })
  .strict();
export type YamlTaskFile = z.infer<typeof YamlTaskFile>;
