import { type ResolvedRecipe, resolveRecipe } from '../../core/recipes/recipes.ts';
import type { z } from 'zod';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { GenerationConfig, RequestLimits } from '../../core/schema/run-spec.ts';

/** The flag that sets each setting, for messages. */
const FLAGS: Record<string, string> = {
  temperature: '--temperature',
  topP: '--top-p',
  maxTokens: '--max-tokens',
  rpm: '--rpm',
  tpm: '--tpm',
  maxRetries: '--max-retries',
  maxRetryAfterMs: '--retry-after-cap',
};

/** Parses settings with their schema; a bad value is one line naming its flag (or field) and value. */
function settings<S extends z.ZodType>(schema: S, value: Record<string, unknown>): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  const name = FLAGS[field] ?? issue.path.join('.');
  throw new UserError(`${name} ${JSON.stringify(value[field])}: ${issue.message}`, EXIT.usage);
}

/** The settings of a new run that a recipe, a suite's model entry or flags may set. */
export interface RunSettingsInput {
  recipe?: string;
  generation?: Partial<GenerationConfig>;
  samples?: number;
  requestLimits?: Partial<RequestLimits>;
}

/**
 * Resolves a run's generation config, samples per item and request limits: the recipe's values for
 * the benchmark first, then whatever was set explicitly (flags, suite fields), field by field.
 */
export function resolveRunSettings(
  o: RunSettingsInput,
  benchmark: string,
): {
  generation: GenerationConfig;
  samples: number;
  recipe: ResolvedRecipe | null;
  requestLimits: RequestLimits;
} {
  const recipe = o.recipe ? resolveRecipe(o.recipe, benchmark) : null;
  const given = Object.fromEntries(Object.entries(o.generation ?? {}).filter(([, v]) => v !== undefined));
  const generation = settings(GenerationConfig, {
    ...(recipe ? { temperature: recipe.temperature, topP: recipe.topP, maxTokens: recipe.maxTokens } : {}),
    ...given,
  });
  const limits = Object.fromEntries(Object.entries(o.requestLimits ?? {}).filter(([, v]) => v !== undefined));
  return {
    generation,
    samples: o.samples ?? recipe?.samples ?? 1,
    recipe,
    requestLimits: settings(RequestLimits, limits),
  };
}
