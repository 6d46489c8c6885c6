import { z } from 'zod';
import { ResolvedRecipe } from '../recipes/recipes.ts';
import { Slug } from './ids.ts';
import { PluginRef } from './plugin-ref.ts';

export const GenerationConfig = z.object({
  temperature: z.number().min(0).max(2).default(0),
  topP: z.number().gt(0).max(1).nullable().default(null),
  maxTokens: z.number().int().positive().nullable().default(null),
  stop: z.array(z.string()).default([]),
  /** Provider-specific body fields sent as they are (e.g. vLLM's top_k). */
  extraBody: z.record(z.string(), z.unknown()).default({}),
});
export type GenerationConfig = z.infer<typeof GenerationConfig>;

/** Request limits of the run's endpoint and its retry policy. */
export const RequestLimits = z.object({
  /** Requests and tokens per minute; null: no limit (the server's 429s still slow the run down). */
  rpm: z.number().int().positive().nullable().default(null),
  tpm: z.number().int().positive().nullable().default(null),
  /** Retries of a failed request (a stream cut part-way included) before it is recorded as an error. */
  maxRetries: z.number().int().nonnegative().default(5),
  /** The longest Retry-After honoured, in milliseconds; a longer one waits this long. */
  maxRetryAfterMs: z.number().int().nonnegative().default(60_000),
});
export type RequestLimits = z.infer<typeof RequestLimits>;

/** Everything needed to rebuild an evaluation run. API keys are never part of it. */
export const RunSpec = z.object({
  id: z.string().min(1),
  model: Slug,
  provider: PluginRef,
  endpoint: z.string().nullable().default(null),
  benchmark: Slug,
  benchmarkVersion: z.string().nullable().default(null),
  task: PluginRef,
  promptTemplateHash: z.string().min(1),
  generation: GenerationConfig,
  seed: z.number().int().default(0),
  samples: z.number().int().positive().default(1),
  limit: z.number().int().positive().nullable().default(null),
  concurrency: z.number().int().positive().default(8),
  /** The evaluation recipe the run follows and the values it resolved to (see core/recipes). */
  recipe: ResolvedRecipe.nullable().default(null),
  /** The generation settings the provider actually sends (its defaults filled in, values clamped). */
  effectiveGeneration: z.record(z.string(), z.unknown()).nullable().default(null),
  requestLimits: RequestLimits.default(RequestLimits.parse({})),
  toolVersion: z.string().min(1),
  /** sha256 (first 16 hex digits) of the items the run evaluates (id, input, gold answer), as planned. */
  datasetChecksum: z.string().min(1).nullable().default(null),
  /** The condition the run was made under (e.g. "zero-shot-cot"); results carry it. Null: "default". */
  condition: z.string().min(1).nullable().default(null),
  /** The condition this one is compared against (e.g. "zero-shot"): Δ results pair the two runs. */
  baseline: z.string().min(1).nullable().default(null),
  createdAt: z.iso.datetime(),
});
export type RunSpec = z.infer<typeof RunSpec>;
export type RunSpecInput = z.input<typeof RunSpec>;

export const RunStatus = z.enum(['running', 'finished', 'failed', 'interrupted']);
export type RunStatus = z.infer<typeof RunStatus>;

/** A run as stored and exported: its spec, status and when it finished. */
export const RunRecord = z.object({
  spec: RunSpec,
  status: RunStatus,
  finishedAt: z.iso.datetime().nullable(),
});
export type RunRecord = z.infer<typeof RunRecord>;
