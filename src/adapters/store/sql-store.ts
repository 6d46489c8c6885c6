import { CompiledQuery, type Kysely, sql } from 'kysely';
import { redactKnownValue } from '../providers/redact.ts';
import { sampleStates, sampleStatesOf, samples } from './sample-reads.ts';
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
  sampleFromRow,
  sampleToRow,
} from './row-codec.ts';
import type {
  CachedResponse,
  ImportBatch,
  ImportCounts,
  ResultQuery,
  RunCounts,
  RunGuard,
  RunRecord,
  RunUpdate,
  RunUsage,
  SamplePage,
  SamplePageQuery,
  SampleSummary,
  SampleAggregate,
  SampleState,
  SqlRows,
  SqlTransactionStore,
  Store,
} from './store.ts';
import type { Database, RunsTable, SamplesTable } from './tables.ts';
import { afterSample, chunks, type Db } from './sql-helpers.ts';
import * as queries from './sample-aggregates.ts';

type TableName = keyof Database;

/**
 * Insert rows; on a key conflict, overwrite every non-key column with the incoming value (with
 * `onlyErrors`, only a stored sample whose verdict is `error`).
 */
async function upsert(
  db: Db,
  table: TableName,
  keys: string[],
  rows: Record<string, unknown>[],
  onlyErrors = false,
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
      .onConflict((oc) => {
        const update = oc.columns(keys).doUpdateSet(set);
        return onlyErrors ? update.where(`${table}.verdict`, '=', 'error') : update;
      })
      .execute();
  }
}

/** The query layer shared by every SQL dialect. */
export class SqlStore implements SqlTransactionStore {
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
    return this.atomicallyWithSql(fn);
  }

  atomicallyWithSql<T>(fn: (store: SqlTransactionStore) => Promise<T>): Promise<T> {
    return this.transact((trx) => fn(new SqlStore(trx, this.dialect, this.location)));
  }

  async executeSql(text: string, values: unknown[] = []): Promise<SqlRows> {
    const r = await this.db.executeQuery(CompiledQuery.raw(text, values));
    return { rows: [...r.rows] };
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

  async recordSamples(
    inputSamples: SampleRecord[],
    inputResponses: CachedResponse[],
    options: { keepRecorded?: boolean } = {},
  ): Promise<void> {
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
        options.keepRecorded === true,
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

  sampleStates(runId: string): Promise<SampleState[]> {
    return sampleStates(this.db, runId);
  }

  sampleStatesOf(runId: string, itemIds: string[]): Promise<SampleState[]> {
    return sampleStatesOf(this.db, runId, itemIds);
  }

  samples(runId: string): AsyncIterable<SampleRecord> {
    return samples(this.db, runId);
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

  async itemScores(runId: string): Promise<Map<string, number>> {
    if (this.fastItemScores) return this.fastItemScores(runId);
    return queries.itemScores(this.db, runId);
  }

  sampleSummaries(runId: string, query: SamplePageQuery): Promise<SampleSummary[]> {
    return queries.sampleSummaries(this.db, runId, query);
  }

  runCounts(runIds: string[]): Promise<RunCounts[]> {
    return queries.runCounts(this.db, runIds);
  }

  runUsage(runId: string): Promise<RunUsage> {
    return queries.runUsage(this.db, runId);
  }

  aggregateSamples(filter: { benchmark?: string; model?: string } = {}): Promise<SampleAggregate[]> {
    return queries.aggregateSamples(this.db, filter);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
