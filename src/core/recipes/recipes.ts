import { z } from 'zod';
import { EXIT, UserError } from '../errors/user-error.ts';

/**
 * A named, versioned evaluation protocol as a paper states it: sampling settings, the generation
 * budget and how many samples per item (per benchmark where the paper says so). Every field is a
 * default: flags and suite settings override it. The name, version and resolved values are recorded
 * with each run.
 */
export const Recipe = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  description: z.string(),
  source: z.string(),
  temperature: z.number().min(0).max(2),
  topP: z.number().gt(0).max(1).nullable(),
  maxTokens: z.number().int().positive().nullable(),
  /** Samples per item unless `samplesByBenchmark` names the benchmark. */
  samples: z.number().int().positive(),
  samplesByBenchmark: z.record(z.string(), z.number().int().positive()),
  /** How the samples become the reported number. */
  aggregate: z.string(),
});
export type Recipe = z.infer<typeof Recipe>;

export const RECIPES: readonly Recipe[] = [
  Recipe.parse({
    name: 'r1',
    version: '1',
    description: 'DeepSeek-R1 protocol: temperature 0.6, top-p 0.95, 32,768 tokens, pass@1 over k samples',
    source: 'DeepSeek-R1 (arXiv:2501.12948), section 3.1',
    temperature: 0.6,
    topP: 0.95,
    maxTokens: 32_768,
    samples: 16,
    samplesByBenchmark: { 'aime-2024': 64, 'aime-2025': 64 },
    aggregate: 'pass@1 averaged over the k samples of each item',
  }),
  Recipe.parse({
    name: 'greedy',
    version: '1',
    description: 'greedy decoding, one sample per item',
    source: 'common practice for non-reasoning baselines',
    temperature: 0,
    topP: null,
    maxTokens: null,
    samples: 1,
    samplesByBenchmark: {},
    aggregate: 'accuracy of the single sample',
  }),
];

/** What a recipe sets for one benchmark, as recorded with the run. */
export const ResolvedRecipe = z.object({
  name: z.string(),
  version: z.string(),
  temperature: z.number(),
  topP: z.number().nullable(),
  maxTokens: z.number().int().nullable(),
  samples: z.number().int().positive(),
  aggregate: z.string(),
});
export type ResolvedRecipe = z.infer<typeof ResolvedRecipe>;

export function findRecipe(name: string): Recipe {
  const recipe = RECIPES.find((r) => r.name === name);
  if (!recipe)
    throw new UserError(
      `--recipe: no recipe "${name}" (known: ${RECIPES.map((r) => r.name).join(', ')}; see yardstick recipes)`,
      EXIT.usage,
    );
  return recipe;
}

/** The recipe's values for a benchmark. */
export function resolveRecipe(name: string, benchmark: string): ResolvedRecipe {
  const r = findRecipe(name);
  return {
    name: r.name,
    version: r.version,
    temperature: r.temperature,
    topP: r.topP,
    maxTokens: r.maxTokens,
    samples: r.samplesByBenchmark[benchmark] ?? r.samples,
    aggregate: r.aggregate,
  };
}
