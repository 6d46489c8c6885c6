import type { Generated } from 'kysely';

/** Row shapes as stored. Booleans are 0/1 integers and lists are JSON text, so both dialects agree. */
export interface ModelsTable {
  id: string;
  name: string;
  family: string;
  total_params_b: number | null;
  active_params_b: number | null;
  open_weights: number;
  open_data: number;
  categories: string;
  release_date: string | null;
  base_model: string | null;
  training_method: string | null;
  reasoning: number;
  links: string;
  notes: string | null;
  updated_at: string;
}

export interface BenchmarksTable {
  id: string;
  name: string;
  short_name: string | null;
  version: string | null;
  window_start: string | null;
  window_end: string | null;
  domain: string;
  metric: string;
  split: string | null;
  item_count: number | null;
  notes: string | null;
  updated_at: string;
}

export interface ResultsTable {
  key: string;
  model_id: string;
  benchmark_id: string;
  condition: string;
  baseline: string | null;
  metric: string;
  value: number;
  unit: string;
  n: number | null;
  k: number | null;
  stderr: number | null;
  ci_low: number | null;
  ci_high: number | null;
  ci_level: number | null;
  source: string;
  run_id: string | null;
  paper: string | null;
  figure: string | null;
  table_ref: string | null;
  url: string | null;
  approximate: number;
  annotation: string | null;
  note: string | null;
  updated_at: string;
}

export interface FiguresTable {
  id: string;
  spec: string;
  updated_at: string;
}

export interface RunsTable {
  id: string;
  model_id: string;
  benchmark_id: string;
  spec: string;
  status: string;
  created_at: string;
  finished_at: string | null;
  /** Added by 0014-run-lifecycle: why a failed run failed, and the owner's live counts. */
  reason: string | null;
  owner: string | null;
  heartbeat_at: string | null;
  done: number;
  total: number;
  errors: number;
  cached: number;
}

export interface SamplesTable {
  run_id: string;
  item_id: string;
  sample_index: number;
  messages: string;
  response: string | null;
  reasoning: string | null;
  extracted: string | null;
  verdict: string;
  score: number | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  /** Added by migration 0015; null on rows written before it. */
  reasoning_tokens: number | null;
  finish_reason: string | null;
  latency_ms: number | null;
  error: string | null;
  scorer_version: string | null;
  target: string | null;
  /** JSON object of string labels (subject, level). */
  tags: string;
  /** JSON of core/schema/scoring.ts, or null. */
  scoring: string | null;
  created_at: string;
}

export interface ResponsesTable {
  key: string;
  provider: string;
  endpoint: string | null;
  model: string;
  response: string;
  created_at: string;
}

/** Added by 0018-endpoint-budgets: the limits every worker shares (adapters/queue). Times: epoch ms. */
export interface EndpointBudgetsTable {
  endpoint: string;
  concurrency: number | null;
  rpm: number | null;
  tpm: number | null;
  /** bigint: a string as PostgreSQL returns it. */
  paused_until: number | string;
  updated_at: string;
}

/** One request start of an endpoint: its concurrency lease and its place in the per-minute windows. */
export interface EndpointRequestsTable {
  id: Generated<number | string>;
  endpoint: string;
  holder: string;
  started_at: number | string;
  lease_until: number | string;
  ended_at: number | string | null;
  tokens: number | string;
}

export interface Database {
  models: ModelsTable;
  benchmarks: BenchmarksTable;
  results: ResultsTable;
  figures: FiguresTable;
  runs: RunsTable;
  samples: SamplesTable;
  responses: ResponsesTable;
  endpoint_budgets: EndpointBudgetsTable;
  endpoint_requests: EndpointRequestsTable;
}
