import { z } from 'zod';

/** Arguments every benchmark task that reads a data file accepts: a local copy and a seed. */
export const TaskArgs = z.object({
  file: z
    .string()
    .min(1)
    .optional()
    .describe(
      'a local copy of the data (file, or folder holding it), searched before mirror, cache and download',
    ),
  seed: z.number().int().default(0).describe('seed for anything the task draws at random'),
});

/** TaskArgs plus `prompt`: one of the benchmark's prompt variants (see its README), `fallback` by default. */
export function withPrompts(prompts: Record<string, unknown>, fallback: string) {
  const ids = Object.keys(prompts) as [string, ...string[]];
  return TaskArgs.extend({ prompt: z.enum(ids).default(fallback).describe('prompt variant') });
}
