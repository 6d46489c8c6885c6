import { type Kysely, SqliteAdapter, sql } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import { ENDPOINT_BUDGET_ACQUIRE } from './migrations/0018-endpoint-budget-acquire.ts';

function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/**
 * Versioned schema migrations, applied in name order when a store opens.
 * Never edit a migration that has shipped: add the next one.
 */
const migrations: Record<string, Migration> = {
  '0001-catalog-and-runs': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('models')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('family', 'text', (c) => c.notNull())
        .addColumn('total_params_b', 'double precision')
        .addColumn('active_params_b', 'double precision')
        .addColumn('open_weights', 'integer', (c) => c.notNull())
        .addColumn('open_data', 'integer', (c) => c.notNull())
        .addColumn('categories', 'text', (c) => c.notNull())
        .addColumn('release_date', 'text')
        .addColumn('base_model', 'text')
        .addColumn('training_method', 'text')
        .addColumn('reasoning', 'integer', (c) => c.notNull())
        .addColumn('links', 'text', (c) => c.notNull())
        .addColumn('notes', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('benchmarks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('short_name', 'text')
        .addColumn('version', 'text')
        .addColumn('window_start', 'text')
        .addColumn('window_end', 'text')
        .addColumn('domain', 'text', (c) => c.notNull())
        .addColumn('metric', 'text', (c) => c.notNull())
        .addColumn('split', 'text')
        .addColumn('item_count', 'integer')
        .addColumn('notes', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('results')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('model_id', 'text', (c) => c.notNull().references('models.id'))
        .addColumn('benchmark_id', 'text', (c) => c.notNull().references('benchmarks.id'))
        .addColumn('condition', 'text', (c) => c.notNull())
        .addColumn('baseline', 'text')
        .addColumn('metric', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('n', 'integer')
        .addColumn('k', 'integer')
        .addColumn('stderr', 'double precision')
        .addColumn('ci_low', 'double precision')
        .addColumn('ci_high', 'double precision')
        .addColumn('ci_level', 'double precision')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text')
        .addColumn('paper', 'text')
        .addColumn('figure', 'text')
        .addColumn('table_ref', 'text')
        .addColumn('url', 'text')
        .addColumn('approximate', 'integer', (c) => c.notNull())
        .addColumn('annotation', 'text')
        .addColumn('note', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('results_benchmark')
        .on('results')
        .columns(['benchmark_id', 'model_id'])
        .execute();
      await db.schema
        .createTable('figures')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('spec', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('model_id', 'text', (c) => c.notNull())
        .addColumn('benchmark_id', 'text', (c) => c.notNull())
        .addColumn('spec', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema
        .createIndex('runs_model_benchmark')
        .on('runs')
        .columns(['model_id', 'benchmark_id'])
        .execute();
      await db.schema
        .createTable('samples')
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('sample_index', 'integer', (c) => c.notNull())
        .addColumn('messages', 'text', (c) => c.notNull())
        .addColumn('response', 'text')
        .addColumn('reasoning', 'text')
        .addColumn('extracted', 'text')
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('score', 'double precision')
        .addColumn('prompt_tokens', 'integer')
        .addColumn('completion_tokens', 'integer')
        .addColumn('latency_ms', 'double precision')
        .addColumn('error', 'text')
        .addColumn('scorer_version', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('samples_pk', ['run_id', 'item_id', 'sample_index'])
        // On SQLite the key is the table: one B-tree fewer to write per sample.
        .$call((b) => (isSqlite(db) ? b.modifyEnd(sql`without rowid`) : b))
        .execute();
      // Covering index: per-run aggregates read it without touching the wide sample rows.
      await db.schema
        .createIndex('samples_run_verdict_score')
        .on('samples')
        .columns(['run_id', 'verdict', 'score'])
        .execute();
    },
  },
  '0002-response-cache': {
    async up(db: Kysely<unknown>) {
      // Model responses addressed by content (see core/engine/cache-key.ts): a run that is resumed or
      // repeated finds its responses here and sends no request twice.
      await db.schema
        .createTable('responses')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('endpoint', 'text')
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0012-sample-scoring': {
    async up(db: Kysely<unknown>) {
      // How each sample was scored (core/schema/scoring.ts), as JSON; null for samples scored before.
      await db.schema.alterTable('samples').addColumn('scoring', 'text').execute();
    },
  },
  '0014-run-lifecycle': {
    async up(db: Kysely<unknown>) {
      // The run lifecycle (core/runs/run-lifecycle.ts): who works on a run, its heartbeat and live
      // counts, and why it failed. Existing runs keep their status; their counts come from their samples.
      for (const column of ['reason', 'owner', 'heartbeat_at'])
        await db.schema.alterTable('runs').addColumn(column, 'text').execute();
      for (const column of ['done', 'total', 'errors', 'cached'])
        await db.schema
          .alterTable('runs')
          .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
      await sql`update runs set
        done = (select count(*) from samples s where s.run_id = runs.id),
        errors = (select count(*) from samples s where s.run_id = runs.id and s.verdict = 'error')`.execute(
        db,
      );
      await sql`update runs set total = done`.execute(db);
      await db.schema.createIndex('runs_status').on('runs').column('status').execute();
    },
  },
  '0015-sample-finish-reason': {
    async up(db: Kysely<unknown>) {
      // Why each generation ended (stop, length, content_filter, error) and the tokens spent on
      // reasoning, so truncation is visible and tokens split into reasoning and answer.
      await db.schema.alterTable('samples').addColumn('finish_reason', 'text').execute();
      await db.schema.alterTable('samples').addColumn('reasoning_tokens', 'integer').execute();
    },
  },
  '0016-sample-target-and-tags': {
    async up(db: Kysely<unknown>) {
      // Each sample keeps its item's gold answer and group labels (subject, level), so a sample log
      // reads on its own and two runs compare per subject without reloading the dataset.
      await db.schema.alterTable('samples').addColumn('target', 'text').execute();
      await db.schema
        .alterTable('samples')
        .addColumn('tags', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
    },
  },
  '0018-endpoint-budgets': {
    async up(db: Kysely<unknown>) {
      // Limits of each endpoint shared by every worker (adapters/queue/postgres-endpoint-budget.ts): the
      // stored limits and the pause after a 429, and one ledger row per request start (its concurrency
      // lease, its place in the per-minute windows, its tokens). The budget itself runs on PostgreSQL.
      await db.schema
        .createTable('endpoint_budgets')
        .addColumn('endpoint', 'text', (c) => c.primaryKey())
        .addColumn('concurrency', 'integer')
        .addColumn('rpm', 'integer')
        .addColumn('tpm', 'integer')
        .addColumn('paused_until', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('endpoint_requests')
        .addColumn('id', isSqlite(db) ? 'integer' : 'bigserial', (c) => c.primaryKey())
        .addColumn('endpoint', 'text', (c) => c.notNull())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('lease_until', 'bigint', (c) => c.notNull())
        .addColumn('ended_at', 'bigint')
        .addColumn('tokens', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('endpoint_requests_endpoint')
        .on('endpoint_requests')
        .columns(['endpoint', 'started_at'])
        .execute();
      await db.schema
        .createIndex('endpoint_requests_holder')
        .on('endpoint_requests')
        .column('holder')
        .execute();
      if (!isSqlite(db)) await sql.raw(ENDPOINT_BUDGET_ACQUIRE).execute(db);
    },
  },
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
