import { type ExpressionBuilder, type Kysely, type Transaction, sql } from 'kysely';
import { redactKnownValue } from '../providers/redact.ts';
import type {
  Benchmark,
  FigurePreset,
  ModelCard,
  Result,
  RunSpec,
  RunStatus,
  SampleRecord,
} from '../../core/schema/index.ts';
import {
  AggregateRow,
  CountRow,
  sampleSummaryFromRow,
  benchmarkFromRow,
  benchmarkToRow,
  figureFromRow,
  modelFromRow,
  modelToRow,
  resultFromRow,
  responseFromRow,
  responseToRow,
  resultToRow,
  runFromRow,
  runToRow,
  sampleStateFromRow,
  sampleFromRow,
  sampleToRow,
} from './row-codec.ts';
import {
  noRunCounts,
  type CachedResponse,
  type ImportBatch,
  type ImportCounts,
  type ResultQuery,
  type RunCounts,
  type RunGuard,
  type RunRecord,
  type RunUpdate,
  type RunUsage,
  type SamplePage,
  type SamplePageQuery,
  type SampleSummary,
  type SampleAggregate,
  type SampleState,
  type Store,
} from './store.ts';
import type { Database, RunsTable, SamplesTable } from './tables.ts';
import { meanScoreByItem } from './mean-score-by-item.ts';

type Db = Kysely<Database> | Transaction<Database>;
type TableName = keyof Database;

/** Characters of the response a sample listing shows. */
const PREVIEW_CHARS = 160;

/** Bound parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;

function chunks<T>(rows: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, columns)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Insert rows; on a key conflict, overwrite every non-key column with the incoming value. */
async function upsert(
  db: Db,
  table: TableName,
  keys: string[],
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const updates = columns.filter((c) => !keys.includes(c));
  for (const part of chunks(rows, columns.length)) {
    // biome-ignore lint/suspicious/noExplicitAny: the table is chosen at run time; rows come from typed codecs.
    const loose = db as Kysely<any>;
    const set = Object.fromEntries(updates.map((c) => [c, sql.ref(`excluded.${c}`)]));
    await loose
      .insertInto(table as string)
      .values(part)
      .onConflict((oc) => oc.columns(keys).doUpdateSet(set))
      .execute();
  }
}

type SampleKey = { itemId: string; sampleIndex: number };

/** Samples after this key in (item, index) order: the keyset condition of every sample page. */
function afterSample(eb: ExpressionBuilder<Database, 'samples'>, a: SampleKey) {
  return eb.or([
    eb('item_id', '>', a.itemId),
    eb.and([eb('item_id', '=', a.itemId), eb('sample_index', '>', a.sampleIndex)]),
  ]);
}

/** The query layer shared by every SQL dialect. */
export class SqlStore implements Store {
  readonly db: Kysely<Database>;
  readonly dialect: 'sqlite' | 'postgres';
  readonly location: string;

  /** A dialect's faster writer for sample rows, run while holding the store's only connection. */
  private readonly bulkSamples: ((rows: SamplesTable[]) => void) | null;
  /** A dialect's faster reader of a run's item scores (same answer as the Kysely query). */
  private readonly fastItemScores: ((runId: string) => Map<string, number>) | null;

  constructor(
    db: Kysely<Database>,
    dialect: 'sqlite' | 'postgres',
    location: string,
    bulkSamples: ((rows: SamplesTable[]) => void) | null = null,
    fastItemScores: ((runId: string) => Map<string, number>) | null = null,
  ) {
    this.db = db;
    this.dialect = dialect;
    this.location = location;
    this.bulkSamples = bulkSamples;
    this.fastItemScores = fastItemScores;
  }

  /** Runs fn in a transaction, or in the one this store already is. */
  private transact<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    return this.db.isTransaction ? fn(this.db) : this.db.transaction().execute(fn);
  }

  atomically<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return this.transact((trx) => fn(new SqlStore(trx, this.dialect, this.location)));
  }

  async importBatch(batch: ImportBatch): Promise<ImportCounts> {
    const now = new Date().toISOString();
    await this.transact(async (trx) => {
      await upsert(
        trx,
        'models',
        ['id'],
        (batch.models ?? []).map((m) => ({ ...modelToRow(m, now) })),
      );
      await upsert(
        trx,
        'benchmarks',
        ['id'],
        (batch.benchmarks ?? []).map((b) => ({ ...benchmarkToRow(b, now) })),
      );
      await upsert(
        trx,
        'results',
        ['key'],
        (batch.results ?? []).map((r) => ({ ...resultToRow(r, now) })),
      );
      await upsert(
        trx,
        'figures',
        ['id'],
        (batch.figures ?? []).map((f) => ({ id: f.id, spec: JSON.stringify(f), updated_at: now })),
      );
      await upsert(
        trx,
        'runs',
        ['id'],
        (batch.runs ?? []).map((r) => ({ ...runToRow(r) })),
      );
      await upsert(
        trx,
        'samples',
        ['run_id', 'item_id', 'sample_index'],
        (batch.samples ?? []).map((x) => ({ ...sampleToRow(x) })),
      );
    });
    return {
      models: batch.models?.length ?? 0,
      benchmarks: batch.benchmarks?.length ?? 0,
      results: batch.results?.length ?? 0,
      figures: batch.figures?.length ?? 0,
      runs: batch.runs?.length ?? 0,
      samples: batch.samples?.length ?? 0,
    };
  }

  async models(): Promise<ModelCard[]> {
    const rows = await this.db.selectFrom('models').selectAll().orderBy('id').execute();
    return rows.map(modelFromRow);
  }

  async benchmarks(): Promise<Benchmark[]> {
    const rows = await this.db.selectFrom('benchmarks').selectAll().orderBy('id').execute();
    return rows.map(benchmarkFromRow);
  }

  async results(query: ResultQuery = {}): Promise<Result[]> {
    let q = this.db.selectFrom('results').selectAll();
    if (query.benchmarks?.length) q = q.where('benchmark_id', 'in', query.benchmarks);
    if (query.models?.length) q = q.where('model_id', 'in', query.models);
    const rows = await q.orderBy('benchmark_id').orderBy('model_id').orderBy('key').execute();
    return rows.map(resultFromRow);
  }

  async deleteResults(keys: readonly string[]): Promise<void> {
    for (const part of chunks([...keys], 1)) {
      if (part.length) await this.db.deleteFrom('results').where('key', 'in', part).execute();
    }
  }

  async figures(): Promise<FigurePreset[]> {
    const rows = await this.db.selectFrom('figures').select(['spec']).orderBy('id').execute();
    return rows.map(figureFromRow);
  }

  async createRun(input: RunSpec, status: RunStatus = 'queued'): Promise<void> {
    const spec = redactKnownValue(input);
    await this.db
      .insertInto('runs')
      .values(runToRow({ spec, status, finishedAt: null }))
      .execute();
  }

  async updateRun(id: string, update: RunUpdate, guard: RunGuard = {}): Promise<boolean> {
    const set: Partial<RunsTable> = {};
    if (update.status !== undefined) set.status = update.status;
    if (update.reason !== undefined)
      set.reason = update.reason === null ? null : redactKnownValue(update.reason);
    if (update.owner !== undefined) set.owner = update.owner;
    if (update.heartbeatAt !== undefined) set.heartbeat_at = update.heartbeatAt;
    if (update.finishedAt !== undefined) set.finished_at = update.finishedAt;
    if (update.counts) Object.assign(set, update.counts);
    if (Object.keys(set).length === 0) return (await this.run(id)) !== null;
    let q = this.db.updateTable('runs').set(set).where('id', '=', id);
    if (guard.status) q = q.where('status', 'in', guard.status);
    if (guard.owner !== undefined) q = q.where('owner', '=', guard.owner);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async run(id: string): Promise<RunRecord | null> {
    const row = await this.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? runFromRow(row) : null;
  }

  async runs(): Promise<RunRecord[]> {
    const rows = await this.db.selectFrom('runs').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(runFromRow);
  }

  async samplePage(
    runId: string,
    page: {
      after?: { itemId: string; sampleIndex: number } | null;
      limit: number;
      verdict?: SampleRecord['verdict'];
    },
  ): Promise<SamplePage> {
    const a = page.after ?? null;
    const rows = await this.db
      .selectFrom('samples')
      .selectAll()
      .where('run_id', '=', runId)
      .$if(page.verdict !== undefined, (qb) => qb.where('verdict', '=', page.verdict!))
      .$if(a !== null, (qb) => qb.where((eb) => afterSample(eb, a!)))
      .orderBy('item_id')
      .orderBy('sample_index')
      .limit(page.limit + 1)
      .execute();
    const samples = rows.slice(0, page.limit).map(sampleFromRow);
    const last = samples[samples.length - 1];
    return {
      samples,
      next: rows.length > page.limit && last ? { itemId: last.itemId, sampleIndex: last.sampleIndex } : null,
    };
  }

  async putSamples(input: SampleRecord[]): Promise<void> {
    if (input.length === 0) return;
    const samples = redactKnownValue(input);
    const bulk = this.bulkSamples;
    if (bulk) {
      const rows = samples.map(sampleToRow);
      await this.db.connection().execute(async () => bulk(rows));
      return;
    }
    await this.transact(async (trx) => {
      await upsert(
        trx,
        'samples',
        ['run_id', 'item_id', 'sample_index'],
        samples.map((s) => ({ ...sampleToRow(s) })),
      );
    });
  }

  async recordSamples(inputSamples: SampleRecord[], inputResponses: CachedResponse[]): Promise<void> {
    if (inputSamples.length === 0 && inputResponses.length === 0) return;
    // What a model or a server sent may quote a key back: no secret this process knows is written.
    const samples = redactKnownValue(inputSamples);
    const responses = redactKnownValue(inputResponses);
    await this.transact(async (trx) => {
      const rows = responses.map((r) => responseToRow(r));
      for (const part of chunks(rows, 6)) {
        await trx
          .insertInto('responses')
          .values(part)
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
      }
      await upsert(
        trx,
        'samples',
        ['run_id', 'item_id', 'sample_index'],
        samples.map((s) => ({ ...sampleToRow(s) })),
      );
    });
  }

  async cachedResponses(keys: string[]): Promise<Map<string, CachedResponse>> {
    const out = new Map<string, CachedResponse>();
    for (const part of chunks([...new Set(keys)], 1)) {
      if (part.length === 0) continue;
      const rows = await this.db.selectFrom('responses').selectAll().where('key', 'in', part).execute();
      for (const row of rows) out.set(row.key, responseFromRow(row));
    }
    return out;
  }

  async sampleStates(runId: string): Promise<SampleState[]> {
    // Paged by key, so a run of any size is read without one huge result set in memory.
    const out: SampleState[] = [];
    for await (const rows of this.samplePages(runId, 5000, [
      'item_id',
      'sample_index',
      'verdict',
      'score',
      'extracted',
    ]))
      for (const row of rows) out.push(sampleStateFromRow(row));
    return out;
  }

  async *samples(runId: string): AsyncIterable<SampleRecord> {
    for await (const rows of this.samplePages(runId, 1000, null))
      for (const row of rows) yield sampleFromRow(row);
  }

  /** One run's sample rows in (item, index) order, a page at a time, by keyset (never OFFSET). */
  private async *samplePages<C extends keyof SamplesTable>(
    runId: string,
    page: number,
    columns: C[] | null,
  ): AsyncIterable<SamplesTable[]> {
    let after: SampleKey | null = null;
    for (;;) {
      const a = after;
      const q = this.db
        .selectFrom('samples')
        .where('run_id', '=', runId)
        .$if(a !== null, (qb) => qb.where((eb) => afterSample(eb, a!)))
        .orderBy('item_id')
        .orderBy('sample_index')
        .limit(page);
      const rows = (
        columns ? await q.select(columns).execute() : await q.selectAll().execute()
      ) as SamplesTable[];
      if (rows.length) yield rows;
      if (rows.length < page) return;
      const last = rows[rows.length - 1]!;
      after = { itemId: last.item_id, sampleIndex: Number(last.sample_index) };
    }
  }

  async sampleSummaries(runId: string, query: SamplePageQuery): Promise<SampleSummary[]> {
    const a = query.after;
    const text = query.text ? `%${query.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = await this.db
      .selectFrom('samples')
      .where('run_id', '=', runId)
      .$if(a !== null, (qb) => qb.where((eb) => afterSample(eb, a!)))
      .$if(query.verdicts.length > 0, (qb) => qb.where('verdict', 'in', query.verdicts))
      .$if(query.truncated === true, (qb) => qb.where('finish_reason', '=', 'length'))
      .$if(text !== null, (qb) =>
        qb.where((eb) =>
          eb.or(
            (['item_id', 'response', 'extracted'] as const).map(
              (c) => sql<boolean>`lower(${sql.ref(c)}) like ${text} escape '\\'`,
            ),
          ),
        ),
      )
      .select((eb) => [
        'item_id',
        'sample_index',
        'verdict',
        'score',
        'extracted',
        'error',
        'latency_ms',
        'completion_tokens',
        eb.fn<string | null>('substr', ['response', sql.lit(1), sql.lit(PREVIEW_CHARS)]).as('preview'),
      ])
      .orderBy('item_id')
      .orderBy('sample_index')
      .limit(query.limit)
      .execute();
    return rows.map(sampleSummaryFromRow);
  }

  async sample(runId: string, itemId: string, sampleIndex: number): Promise<SampleRecord | null> {
    const row = await this.db
      .selectFrom('samples')
      .selectAll()
      .where('run_id', '=', runId)
      .where('item_id', '=', itemId)
      .where('sample_index', '=', sampleIndex)
      .executeTakeFirst();
    return row ? sampleFromRow(row) : null;
  }

  async runCounts(runIds: string[]): Promise<RunCounts[]> {
    if (runIds.length === 0) return [];
    const byRun = new Map<string, RunCounts>();
    for (const part of chunks([...new Set(runIds)], 1)) {
      const rows = await this.db
        .selectFrom('samples')
        .where('run_id', 'in', part)
        .select((eb) => [
          'run_id',
          'verdict',
          eb.fn.countAll().as('n'),
          eb.fn.count('score').as('scored'),
          eb.fn.sum('score').as('score_sum'),
        ])
        .groupBy(['run_id', 'verdict'])
        .execute();
      for (const row of rows) {
        const r = CountRow.parse(row);
        const c = byRun.get(r.run_id) ?? noRunCounts(r.run_id);
        c.samples += r.n;
        if (r.verdict !== 'error') {
          c.scored += r.scored;
          c.scoreSum += r.score_sum ?? 0;
        }
        c[r.verdict === 'no-answer' ? 'noAnswer' : r.verdict] += r.n;
        byRun.set(r.run_id, c);
      }
    }
    return [...byRun.values()].sort((x, y) => x.runId.localeCompare(y.runId));
  }

  async itemScores(runId: string): Promise<Map<string, number>> {
    if (this.fastItemScores) return this.fastItemScores(runId);
    // Plain rows in key order, averaged here: cheaper than GROUP BY, and a run's rows are contiguous.
    const rows = await this.db
      .selectFrom('samples')
      .where('run_id', '=', runId)
      .where('verdict', '<>', 'error')
      .where('score', 'is not', null)
      .select(['item_id', 'score'])
      .orderBy('item_id')
      .orderBy('sample_index')
      .execute();
    return meanScoreByItem(
      rows,
      (r) => r.item_id,
      (r) => r.score,
    );
  }

  async runUsage(runId: string): Promise<RunUsage> {
    const rows = await this.db
      .selectFrom('samples')
      .where('run_id', '=', runId)
      .select((eb) => [
        'finish_reason',
        eb.fn.countAll().as('samples'),
        eb.fn.sum('prompt_tokens').as('prompt'),
        eb.fn.sum('completion_tokens').as('completion'),
        eb.fn.sum('reasoning_tokens').as('reasoning'),
      ])
      .groupBy('finish_reason')
      .execute();
    const usage: RunUsage = {
      samples: 0,
      finishReasons: {},
      promptTokens: 0,
      completionTokens: 0,
      reasoningTokens: 0,
    };
    const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
    for (const r of rows) {
      const count = n(r.samples);
      usage.samples += count;
      const key = r.finish_reason ?? 'unknown';
      usage.finishReasons[key] = (usage.finishReasons[key] ?? 0) + count;
      usage.promptTokens += n(r.prompt);
      usage.completionTokens += n(r.completion);
      usage.reasoningTokens += n(r.reasoning);
    }
    return usage;
  }

  async aggregateSamples(filter: { benchmark?: string; model?: string } = {}): Promise<SampleAggregate[]> {
    let q = this.db
      .selectFrom('samples as s')
      .innerJoin('runs as r', 'r.id', 's.run_id')
      .select((eb) => [
        'r.model_id as model',
        'r.benchmark_id as benchmark',
        eb.fn.count('s.run_id').distinct().as('runs'),
        eb.fn.countAll().as('samples'),
        eb.fn.sum(eb.case().when('s.verdict', '<>', 'error').then(1).else(0).end()).as('scored'),
        eb.fn.sum(eb.case().when('s.verdict', '=', 'error').then(1).else(0).end()).as('errors'),
        eb.fn.avg(eb.case().when('s.verdict', '<>', 'error').then(eb.ref('s.score')).end()).as('mean_score'),
      ])
      .groupBy(['r.model_id', 'r.benchmark_id'])
      .orderBy('r.model_id')
      .orderBy('r.benchmark_id');
    if (filter.benchmark) q = q.where('r.benchmark_id', '=', filter.benchmark);
    if (filter.model) q = q.where('r.model_id', '=', filter.model);
    const rows = await q.execute();
    return rows.map((row) => {
      const { mean_score, ...r } = AggregateRow.parse(row);
      return { ...r, meanScore: mean_score };
    });
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
