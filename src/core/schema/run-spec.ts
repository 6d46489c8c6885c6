import { z } from 'zod';
import { DEFAULTS } from '../settings/defaults.ts';
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
  concurrency: z.number().int().positive().default(DEFAULTS.concurrency),
  toolVersion: z.string().min(1),
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
