import { z } from 'zod';
import {
  Benchmark,
  FigurePreset,
  ModelCard,
  Result,
  RunSpec,
  RunStatus,
  SampleRecord,
  Verdict,
  resultKey,
} from '../../core/schema/index.ts';
import type {
  BenchmarksTable,
  ModelsTable,
  ResponsesTable,
  ResultsTable,
  RunsTable,
  SamplesTable,
} from './tables.ts';
import type { CachedResponse, RunRecord, SampleState, SampleSummary } from './store.ts';
import type { RunRecordInput } from '../../core/schema/index.ts';

/** Drivers disagree on numbers (pg returns bigint and numeric as strings): rows are decoded through these. */
const num = z.union([z.number(), z.string().transform(Number), z.bigint().transform(Number)]);
const numOrNull = num.nullable();
const bool = z
  .union([z.number(), z.boolean(), z.string(), z.bigint()])
  .transform((v) => v === true || Number(v) === 1);
const json = <T extends z.ZodType>(schema: T) => z.string().transform((s) => schema.parse(JSON.parse(s)));

export const b01 = (v: boolean): number => (v ? 1 : 0);

export function modelToRow(m: ModelCard, now: string): ModelsTable {
  return {
    id: m.id,
    name: m.name,
    family: m.family,
    total_params_b: m.totalParamsB,
    active_params_b: m.activeParamsB,
    open_weights: b01(m.openWeights),
    open_data: b01(m.openData),
    categories: JSON.stringify(m.categories),
    release_date: m.releaseDate,
    base_model: m.baseModel,
    training_method: m.trainingMethod,
    reasoning: b01(m.reasoning),
    links: JSON.stringify(m.links),
    notes: m.notes,
    updated_at: now,
  };
}

const ModelRow = z.object({
  id: z.string(),
  name: z.string(),
  family: z.string(),
  total_params_b: numOrNull,
  active_params_b: numOrNull,
  open_weights: bool,
  open_data: bool,
  categories: json(z.array(z.string())),
  release_date: z.string().nullable(),
  base_model: z.string().nullable(),
  training_method: z.string().nullable(),
  reasoning: bool,
  links: json(z.array(z.object({ label: z.string(), url: z.string() }))),
  notes: z.string().nullable(),
});

export function modelFromRow(row: unknown): ModelCard {
  const r = ModelRow.parse(row);
  return ModelCard.parse({
    id: r.id,
    name: r.name,
    family: r.family,
    totalParamsB: r.total_params_b,
    activeParamsB: r.active_params_b,
    openWeights: r.open_weights,
    openData: r.open_data,
    categories: r.categories,
    releaseDate: r.release_date,
    baseModel: r.base_model,
    trainingMethod: r.training_method,
    reasoning: r.reasoning,
    links: r.links,
    notes: r.notes,
  });
}

export function benchmarkToRow(b: Benchmark, now: string): BenchmarksTable {
  return {
    id: b.id,
    name: b.name,
    short_name: b.shortName,
    version: b.version,
    window_start: b.windowStart,
    window_end: b.windowEnd,
    domain: b.domain,
    metric: b.metric,
    split: b.split,
    item_count: b.itemCount,
    notes: b.notes,
    updated_at: now,
  };
}

export function benchmarkFromRow(row: BenchmarksTable): Benchmark {
  return Benchmark.parse({
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    version: row.version,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    domain: row.domain,
    metric: row.metric,
    split: row.split,
    itemCount: row.item_count === null ? null : Number(row.item_count),
    notes: row.notes,
  });
}

export function resultToRow(r: Result, now: string): ResultsTable {
  return {
    key: resultKey(r),
    model_id: r.model,
    benchmark_id: r.benchmark,
    condition: r.condition,
    baseline: r.baseline,
    metric: r.metric,
    value: r.value,
    unit: r.unit,
    n: r.n,
    k: r.k,
    stderr: r.stderr,
    ci_low: r.ciLow,
    ci_high: r.ciHigh,
    ci_level: r.ciLevel,
    source: r.source,
    run_id: r.runId,
    paper: r.paper,
    figure: r.figure,
    table_ref: r.table,
    url: r.url,
    approximate: b01(r.approximate),
    annotation: r.annotation,
    note: r.note,
    updated_at: now,
  };
}

export function resultFromRow(row: ResultsTable): Result {
  const n = (v: unknown) => (v === null ? null : Number(v));
  return Result.parse({
    model: row.model_id,
    benchmark: row.benchmark_id,
    condition: row.condition,
    baseline: row.baseline,
    metric: row.metric,
    value: Number(row.value),
    unit: row.unit,
    n: n(row.n),
    k: n(row.k),
    stderr: n(row.stderr),
    ciLow: n(row.ci_low),
    ciHigh: n(row.ci_high),
    ciLevel: n(row.ci_level),
    source: row.source,
    runId: row.run_id,
    paper: row.paper,
    figure: row.figure,
    table: row.table_ref,
    url: row.url,
    approximate: bool.parse(row.approximate),
    annotation: row.annotation,
    note: row.note,
  });
}

export const figureFromRow = (row: { spec: string }): FigurePreset =>
  FigurePreset.parse(JSON.parse(row.spec));

export function runToRow(r: RunRecordInput): RunsTable {
  const progress = r.progress ?? { owner: null, heartbeatAt: null, done: 0, total: 0, errors: 0, cached: 0 };
  return {
    id: r.spec.id,
    model_id: r.spec.model,
    benchmark_id: r.spec.benchmark,
    spec: JSON.stringify(r.spec),
    status: r.status,
    created_at: r.spec.createdAt,
    finished_at: r.finishedAt,
    reason: r.reason ?? null,
    owner: progress.owner,
    heartbeat_at: progress.heartbeatAt,
    done: progress.done,
    total: progress.total,
    errors: progress.errors,
    cached: progress.cached,
  };
}

export function runFromRow(row: RunsTable): RunRecord {
  return {
    spec: RunSpec.parse(JSON.parse(row.spec)),
    status: RunStatus.parse(row.status),
    finishedAt: row.finished_at,
    reason: row.reason,
    progress: {
      owner: row.owner,
      heartbeatAt: row.heartbeat_at,
      done: Number(row.done),
      total: Number(row.total),
      errors: Number(row.errors),
      cached: Number(row.cached),
    },
  };
}

export function sampleToRow(s: SampleRecord): SamplesTable {
  return {
    run_id: s.runId,
    item_id: s.itemId,
    sample_index: s.sampleIndex,
    messages: JSON.stringify(s.messages),
    response: s.response,
    reasoning: s.reasoning,
    extracted: s.extracted,
    verdict: s.verdict,
    score: s.score,
    prompt_tokens: s.promptTokens,
    completion_tokens: s.completionTokens,
    reasoning_tokens: s.reasoningTokens ?? null,
    finish_reason: s.finishReason ?? null,
    latency_ms: s.latencyMs,
    error: s.error,
    scorer_version: s.scorerVersion,
    target: s.target,
    tags: JSON.stringify(s.tags),
    scoring: s.scoring === null ? null : JSON.stringify(s.scoring),
    created_at: s.createdAt,
  };
}

export function sampleFromRow(row: SamplesTable): SampleRecord {
  const n = (v: unknown) => (v === null ? null : Number(v));
  return SampleRecord.parse({
    runId: row.run_id,
    itemId: row.item_id,
    sampleIndex: Number(row.sample_index),
    messages: JSON.parse(row.messages),
    response: row.response,
    reasoning: row.reasoning,
    extracted: row.extracted,
    verdict: row.verdict,
    score: n(row.score),
    promptTokens: n(row.prompt_tokens),
    completionTokens: n(row.completion_tokens),
    // Absent rather than null when unknown, as samples without them were written.
    ...(row.reasoning_tokens != null ? { reasoningTokens: Number(row.reasoning_tokens) } : {}),
    ...(row.finish_reason != null ? { finishReason: row.finish_reason } : {}),
    latencyMs: n(row.latency_ms),
    error: row.error,
    scorerVersion: row.scorer_version,
    target: row.target,
    tags: JSON.parse(row.tags),
    scoring: row.scoring === null || row.scoring === undefined ? null : JSON.parse(row.scoring),
    createdAt: row.created_at,
  });
}

export const AggregateRow = z.object({
  model: z.string(),
  benchmark: z.string(),
  runs: num,
  samples: num,
  scored: num,
  errors: num,
  mean_score: numOrNull,
});

export function responseToRow(r: CachedResponse): ResponsesTable {
  return {
    key: r.key,
    provider: r.provider,
    endpoint: r.endpoint,
    model: r.model,
    response: JSON.stringify(r.response),
    created_at: r.createdAt,
  };
}

const ResponseRow = z.object({
  key: z.string(),
  provider: z.string(),
  endpoint: z.string().nullable(),
  model: z.string(),
  response: json(z.unknown()),
  created_at: z.string(),
});

export function responseFromRow(row: unknown): CachedResponse {
  const r = ResponseRow.parse(row);
  return {
    key: r.key,
    provider: r.provider,
    endpoint: r.endpoint,
    model: r.model,
    response: r.response,
    createdAt: r.created_at,
  };
}

const SampleStateRow = z.object({
  item_id: z.string(),
  sample_index: num,
  verdict: Verdict,
  score: numOrNull,
  extracted: z.string().nullable(),
});

export function sampleStateFromRow(row: unknown): SampleState {
  const r = SampleStateRow.parse(row);
  return {
    itemId: r.item_id,
    sampleIndex: r.sample_index,
    verdict: r.verdict,
    score: r.score,
    extracted: r.extracted,
  };
}

const SampleSummaryRow = SampleStateRow.extend({
  error: z.string().nullable(),
  preview: z.string().nullable(),
  latency_ms: numOrNull,
  completion_tokens: numOrNull,
});

export function sampleSummaryFromRow(row: unknown): SampleSummary {
  const r = SampleSummaryRow.parse(row);
  return {
    ...sampleStateFromRow(r),
    error: r.error,
    preview: r.preview,
    latencyMs: r.latency_ms,
    completionTokens: r.completion_tokens,
  };
}

export const CountRow = z.object({
  run_id: z.string(),
  verdict: Verdict,
  n: num,
  scored: num,
  score_sum: numOrNull,
});
