import { z } from 'zod';
import type { NewRunOptions } from './create-run.ts';

/**
 * One model of a suite: a model spec, or the spec with its own settings (endpoint, key variable,
 * generation, concurrency and request limits of its endpoint).
 */
export const SuiteModel = z.union([
  z.string().min(1),
  z
    .object({
      model: z.string().min(1),
      /** Replaces the base URL of the spec (e.g. a second vLLM server). */
      baseUrl: z.string().url().optional(),
      apiKeyEnv: z.string().optional(),
      modelId: z.string().optional(),
      maxTokens: z.number().int().positive().nullable().optional(),
      temperature: z.number().min(0).max(2).optional(),
      topP: z.number().gt(0).max(1).nullable().optional(),
      /** Request body fields, e.g. { chat_template_kwargs: { enable_thinking: true } }. */
      extraBody: z.record(z.string(), z.unknown()).optional(),
      concurrency: z.number().int().positive().optional(),
      rpm: z.number().int().positive().optional(),
      tpm: z.number().int().positive().optional(),
      /** Provider args such as idleTimeoutMs, firstTokenTimeoutMs, stream, maxBodyBytes. */
      providerArgs: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
]);
export type SuiteModel = z.infer<typeof SuiteModel>;

type RunOptions = Omit<NewRunOptions, 'toolVersion'>;

/** A suite model's settings laid over the options shared by the suite: the model's own win. */
export function withSuiteModel(m: SuiteModel, shared: Omit<RunOptions, 'model'>): RunOptions {
  if (typeof m === 'string') return { ...shared, model: m };
  const defined = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  return {
    ...shared,
    model: m.model,
    ...defined({ apiKeyEnv: m.apiKeyEnv, modelId: m.modelId, concurrency: m.concurrency }),
    generation: {
      ...shared.generation,
      ...defined({ maxTokens: m.maxTokens, temperature: m.temperature, topP: m.topP }),
      extraBody: { ...shared.generation?.extraBody, ...m.extraBody },
    },
    requestLimits: { ...shared.requestLimits, ...defined({ rpm: m.rpm, tpm: m.tpm }) },
    providerArgs: {
      ...shared.providerArgs,
      ...m.providerArgs,
      ...(m.baseUrl ? { baseUrl: m.baseUrl } : {}),
    },
  };
}
