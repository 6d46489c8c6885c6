import { type ResolvedRecipe, resolveRecipe } from '../../core/recipes/recipes.ts';
import { GenerationConfig, RequestLimits } from '../../core/schema/run-spec.ts';

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
  const generation = GenerationConfig.parse({
    ...(recipe ? { temperature: recipe.temperature, topP: recipe.topP, maxTokens: recipe.maxTokens } : {}),
    ...given,
  });
  const limits = Object.fromEntries(Object.entries(o.requestLimits ?? {}).filter(([, v]) => v !== undefined));
  return {
    generation,
    samples: o.samples ?? recipe?.samples ?? 1,
    recipe,
    requestLimits: RequestLimits.parse(limits),
  };
}
