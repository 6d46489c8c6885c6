import type {
  Benchmark,
  FigurePreset,
  ModelCard,
  Result,
  RunRecord,
  RunRecordInput,
  RunSpec,
  RunStatus,
  SampleRecord,
} from '../../core/schema/index.ts';

/** Everything one import writes. It is written in one transaction, or not at all. */
export interface ImportBatch {
  models?: ModelCard[];
  benchmarks?: Benchmark[];
  results?: Result[];
  figures?: FigurePreset[];
  /** Runs as they are (spec, status, finish time); a run already stored is replaced. */
  runs?: RunRecordInput[];
  /** Samples replace on (run, item, index). */
  samples?: SampleRecord[];
}

export interface ImportCounts {
  models: number;
  benchmarks: number;
  results: number;
  figures: number;
  runs: number;
  samples: number;
}

export interface ResultQuery {
  benchmarks?: string[];
  models?: string[];
}

export type { RunRecord };

/** A change to a run's row; absent fields are left as they are. */
export interface RunUpdate {
  status?: RunStatus;
  reason?: string | null;
  owner?: string | null;
  heartbeatAt?: string | null;
  finishedAt?: string | null;
  counts?: { done: number; total: number; errors: number; cached: number };
}

/** The row must match these for an update to apply (compare-and-set between processes). */
export interface RunGuard {
  status?: RunStatus[];
  owner?: string;
}

/** One page of a run's samples in (item, index) order, and the key to ask for the next one. */
export interface SamplePage {
  samples: SampleRecord[];
  /** Pass as `after` for the next page; null on the last one. */
  next: { itemId: string; sampleIndex: number } | null;
}

/** Per model and benchmark, what the stored samples add up to. Error samples are counted apart. */
export interface SampleAggregate {
  model: string;
  benchmark: string;
  runs: number;
  samples: number;
  scored: number;
  errors: number;
  meanScore: number | null;
}

/** A model response kept in the response cache, addressed by its content key. */
export interface CachedResponse {
  key: string;
  provider: string;
  endpoint: string | null;
  model: string;
  /** The provider's result as JSON-compatible data; its shape belongs to the caller. */
  response: unknown;
  createdAt: string;
}

/**
 * What is recorded for one sample of a run, without its messages and response: enough to resume a
 * run and to compute its metrics without loading the samples.
 */
export interface SampleState {
  itemId: string;
  sampleIndex: number;
  verdict: SampleRecord['verdict'];
  score: number | null;
  extracted: string | null;
}

/** Which samples of a run to list: a keyset page (after the given sample), optionally narrowed. */
export interface SamplePageQuery {
  after: { itemId: string; sampleIndex: number } | null;
  limit: number;
  /** Only these verdicts; empty means all. */
  verdicts: SampleRecord['verdict'][];
  /** Case-insensitive substring of the item id, response or extracted answer. */
  text: string | null;
  /** Only samples cut off by the token limit (finish reason `length`). */
  truncated?: boolean;
}

/** One row of a run's sample listing: what a table shows, with the response cut to a preview. */
export interface SampleSummary {
  itemId: string;
  sampleIndex: number;
  verdict: SampleRecord['verdict'];
  score: number | null;
  extracted: string | null;
  error: string | null;
  /** The first characters of the response. */
  preview: string | null;
  latencyMs: number | null;
  completionTokens: number | null;
}

/** How many samples of a run are stored, by verdict. */
export interface RunCounts {
  runId: string;
  samples: number;
  correct: number;
  incorrect: number;
  noAnswer: number;
  error: number;
  /** Samples with a score (errors left out), and the sum of their scores. */
  scored: number;
  scoreSum: number;
}

/** The counts of a run with no sample stored. */
export const noRunCounts = (runId: string): RunCounts => ({
  runId,
  samples: 0,
  correct: 0,
  incorrect: 0,
  noAnswer: 0,
  error: 0,
  scored: 0,
  scoreSum: 0,
});

/** Tokens and finish reasons of a run's samples, summed in the store. */
export interface RunUsage {
  samples: number;
  /** Samples per finish reason; `unknown` for samples recorded without one. */
  finishReasons: Record<string, number>;
  promptTokens: number;
  /** Every generated token, reasoning included. */
  completionTokens: number;
  /** The reasoning part of completionTokens, where the API reported it. */
  reasoningTokens: number;
}

/**
 * The results store. One implementation (SqlStore) serves SQLite and PostgreSQL;
 * every implementation passes test/adapters/store/store-conformance.ts.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Where the store lives, without credentials. */
  readonly location: string;

  importBatch(batch: ImportBatch): Promise<ImportCounts>;
  models(): Promise<ModelCard[]>;
  benchmarks(): Promise<Benchmark[]>;
  results(query?: ResultQuery): Promise<Result[]>;
  /** Removes the results with these natural keys (see resultKey); unknown keys are ignored. */
  deleteResults(keys: readonly string[]): Promise<void>;
  figures(): Promise<FigurePreset[]>;

  /** Records a new run, `queued` unless told otherwise. */
  createRun(spec: RunSpec, status?: RunStatus): Promise<void>;
  /**
   * Changes a run's row when it matches the guard; true when it did. Only the run lifecycle
   * (app/runs/run-lifecycle.ts) moves a run's status.
   */
  updateRun(id: string, update: RunUpdate, guard?: RunGuard): Promise<boolean>;
  run(id: string): Promise<RunRecord | null>;
  runs(): Promise<RunRecord[]>;
  /** A page of a run's samples after a key (keyset paging), optionally only one verdict. */
  samplePage(
    runId: string,
    page: {
      after?: { itemId: string; sampleIndex: number } | null;
      limit: number;
      verdict?: SampleRecord['verdict'];
    },
  ): Promise<SamplePage>;
  /** Inserts samples; a sample already stored (same run, item, index) is replaced. */
  putSamples(samples: SampleRecord[]): Promise<void>;
  samples(runId: string): AsyncIterable<SampleRecord>;
  /**
   * Writes samples and the responses they came from in one transaction, so a crash leaves either both
   * or neither. Samples replace on (run, item, index); a response already cached is kept as it is.
   * With `keepRecorded` (the queue's exactly-once path), a sample already stored is kept, unless it is
   * an error sample: writing the same samples twice changes nothing.
   */
  recordSamples(
    samples: SampleRecord[],
    responses: CachedResponse[],
    options?: { keepRecorded?: boolean },
  ): Promise<void>;
  /** The cached responses among these keys (keys not cached are absent from the map). */
  cachedResponses(keys: string[]): Promise<Map<string, CachedResponse>>;
  /** Item, index, verdict, score and extracted answer of every sample of a run, in item and index order. */
  sampleStates(runId: string): Promise<SampleState[]>;
  /** Item, index, verdict, score and extracted answer of the samples of these items of a run. */
  sampleStatesOf(runId: string, itemIds: string[]): Promise<SampleState[]>;
  /** One keyset page of a run's samples in (item, index) order, narrowed by the query. */
  sampleSummaries(runId: string, query: SamplePageQuery): Promise<SampleSummary[]>;
  /** One sample whole, or null. */
  sample(runId: string, itemId: string, sampleIndex: number): Promise<SampleRecord | null>;
  /** Stored samples by verdict for each of these runs (runs without samples are absent). */
  runCounts(runIds: string[]): Promise<RunCounts[]>;
  /** Per item of a run, the mean score of its scored samples (errors left out), in item order. */
  itemScores(runId: string): Promise<Map<string, number>>;
  /** Token sums and finish-reason counts of one run. */
  runUsage(runId: string): Promise<RunUsage>;
  aggregateSamples(filter?: { benchmark?: string; model?: string }): Promise<SampleAggregate[]>;
  /**
   * Runs `fn` with a store whose writes commit together when it returns, or not at all when it
   * throws or the process dies: a reader never sees part of them. Use only the given store inside fn.
   */
  atomically<T>(fn: (store: Store) => Promise<T>): Promise<T>;

  close(): Promise<void>;
}

/** A row set as raw SQL returns it. */
export interface SqlRows {
  // biome-ignore lint/suspicious/noExplicitAny: rows of SQL chosen at run time; callers parse them.
  rows: any[];
}

/**
 * A store that runs raw SQL in its transactions (PostgreSQL): what the job queue needs to commit a
 * job's completion in the same transaction as its samples.
 */
export interface SqlTransactionStore extends Store {
  /** Runs one statement (PostgreSQL placeholders `$1`...) on this store's connection or transaction. */
  executeSql(text: string, values?: unknown[]): Promise<SqlRows>;
  /** `atomically`, with the transaction's store able to run raw SQL in that transaction. */
  atomicallyWithSql<T>(fn: (store: SqlTransactionStore) => Promise<T>): Promise<T>;
}
