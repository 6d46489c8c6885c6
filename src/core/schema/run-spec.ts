import { z } from 'zod';
import { DEFAULTS } from '../settings/defaults.ts';
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
  /**
   * True when the base URL was given with user:password. The credentials are never stored, so a
   * resume must be given them again (`eval --resume RUN --base-url URL`).
   */
  endpointCredentials: z.boolean().default(false),
  benchmark: Slug,
  benchmarkVersion: z.string().nullable().default(null),
  task: PluginRef,
  promptTemplateHash: z.string().min(1),
  generation: GenerationConfig,
  seed: z.number().int().default(0),
  samples: z.number().int().positive().default(1),
  limit: z.number().int().positive().nullable().default(null),
  concurrency: z.number().int().positive().default(DEFAULTS.concurrency),
  /** The evaluation recipe the run follows and the values it resolved to (see core/recipes). */
  recipe: ResolvedRecipe.nullable().default(null),
  /** The generation settings the provider actually sends (its defaults filled in, values clamped). */
  effectiveGeneration: z.record(z.string(), z.unknown()).nullable().default(null),
  requestLimits: RequestLimits.default(RequestLimits.parse({})),
  toolVersion: z.string().min(1),
  /** The condition the run was made under (e.g. "zero-shot-cot"); results carry it. Null: "default". */
  condition: z.string().min(1).nullable().default(null),
  /** The condition this one is compared against (e.g. "zero-shot"): Δ results pair the two runs. */
  baseline: z.string().min(1).nullable().default(null),
  createdAt: z.iso.datetime(),
  /** The dataset the run was planned from, so a rescore finds the same items without flags. */
  dataset: z
    .object({
      /** The mirror folder used (--data-dir), or null. */
      dataDir: z.string().nullable(),
      /** sha256 of the run's items (ids, inputs, targets), to tell a changed dataset. */
      itemsSha256: z.string().nullable(),
    })
    .nullable()
    .default(null),
});
export type RunSpec = z.infer<typeof RunSpec>;
export type RunSpecInput = z.input<typeof RunSpec>;

/**
 * Where a run is in its life. `queued`: recorded, no process works on it yet. `running`: an owner
 * works on it and writes a heartbeat. `interrupted`: stopped before the end (killed, Ctrl-C, or its
 * heartbeat went stale). `failed`: stopped by an error, with a reason. `finished`: every sample
 * recorded. Every state but `running` can be resumed; the moves are in core/runs/run-lifecycle.ts.
 */
export const RunStatus = z.enum(['queued', 'running', 'interrupted', 'failed', 'finished']);
export type RunStatus = z.infer<typeof RunStatus>;

/** The live side of a run, written by its owner with each heartbeat. */
export const RunProgress = z.object({
  owner: z.string().nullable(),
  heartbeatAt: z.iso.datetime().nullable(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  cached: z.number().int().nonnegative(),
});
export type RunProgress = z.infer<typeof RunProgress>;

/**
 * A run as stored and exported: its spec, status, when it finished, why it failed, and its live
 * progress (files exported before the run lifecycle existed carry neither: they default).
 */
export const RunRecord = z.object({
  spec: RunSpec,
  status: RunStatus,
  finishedAt: z.iso.datetime().nullable(),
  reason: z.string().nullable().default(null),
  progress: RunProgress.default({ owner: null, heartbeatAt: null, done: 0, total: 0, errors: 0, cached: 0 }),
});
export type RunRecord = z.infer<typeof RunRecord>;
/** A run to import or write whole: the lifecycle fields may be left out (no failure reason, no progress). */
export type RunRecordInput = Omit<RunRecord, 'reason' | 'progress'> &
  Partial<Pick<RunRecord, 'reason' | 'progress'>>;
