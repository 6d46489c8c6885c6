import type { ChatMessage, Scoring, Verdict } from '../schema/index.ts';

/**
 * One benchmark item. `target` is the gold answer in the benchmark's own form (a number as text,
 * a LaTeX expression, a choice letter, test code...); `metadata` carries what scorers need
 * (choices, test cases, entry points) and what reports group by (subject, level, difficulty).
 */
export interface Item {
  id: string;
  input: string;
  target: string;
  metadata: Record<string, unknown>;
}

/** What a provider returned for one sample, as the scorer sees it. */
export interface Completion {
  text: string;
  /** Reasoning ("thinking") kept apart from the answer; never scored. */
  reasoning: string | null;
}

/** How one sample was judged. `extracted` is kept with every sample so extraction can be audited. */
export interface Score {
  extracted: string | null;
  verdict: Verdict;
  /** In [0, 1]; null only for verdict 'error'. Partial credit (F1, test fraction) is allowed. */
  value: number | null;
  /** Anything else worth keeping: per-test verdicts, F1 parts. */
  details?: Record<string, unknown>;
  /** How the verdict was reached; stored with the sample. */
  scoring?: Scoring;
  /** Why a verdict 'error' has no verdict (e.g. "scorer-timeout"); stored as the sample's error. */
  error?: string;
}

/** The items of a benchmark, loaded from a local copy, a mirror folder, or the Hub. */
export type DatasetLoader = (ctx: DatasetContext) => Promise<Item[]>;

export interface DatasetContext {
  /** Mirror folder searched first (--data-dir / $YARDSTICK_DATA_DIR). */
  dataDir: string | null;
  /** Download cache folder. */
  cacheDir: string;
  /** False when downloads must not be tried. */
  online: boolean;
}

/** Chat messages for one item. Few-shot examples and system prompts live inside the template. */
export type PromptTemplate = (item: Item) => ChatMessage[];

/** Judges one completion against its item. May be async (sandboxed execution, worker-pool equivalence). */
export type Scorer = (completion: Completion, item: Item) => Promise<Score> | Score;

/** A per-sample record as metrics see it: item, sample index, and score (null for errors). */
export interface ScoredSample {
  itemId: string;
  sampleIndex: number;
  verdict: Verdict;
  value: number | null;
  extracted: string | null;
}

/** An aggregate with its uncertainty, computed with the question as the statistical unit. */
export interface MetricValue {
  name: string;
  value: number;
  stderr: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  k: number | null;
}

export type Metric = (samples: ScoredSample[]) => MetricValue;

/**
 * A task: a dataset, a prompt template, a scorer and metrics (Inspect's decomposition).
 * `promptId` names the template variant (e.g. "zero-shot-cot", "8-shot") and feeds the
 * prompt template hash recorded with each run.
 */
export interface Task {
  name: string;
  benchmark: string;
  version: string | null;
  promptId: string;
  dataset: DatasetLoader;
  prompt: PromptTemplate;
  scorer: Scorer;
  scorerVersion: string;
  metrics: Metric[];
  /** Releases what the task opened (sandbox, worker pool); called once when a run's work ends. */
  close?: () => Promise<void>;
  /** Its scorer runs model-written code in the sandbox: queued runs score it on `exec` workers. */
  runsCode?: boolean;
}
