import { sql } from 'kysely';
import { AggregateRow, CountRow, sampleSummaryFromRow } from './row-codec.ts';
import { meanScoreByItem } from './mean-score-by-item.ts';
import { afterSample, chunks, type Db, PREVIEW_CHARS } from './sql-helpers.ts';
import {
  noRunCounts,
  type RunCounts,
  type RunUsage,
  type SampleAggregate,
  type SamplePageQuery,
  type SampleSummary,
} from './store.ts';

/*
 * What stored samples add up to, for every SQL dialect: sample listings with previews, per-run counts,
 * per-item scores, token usage and per-model aggregates. SqlStore's read methods call these.
 */

export async function sampleSummaries(
  db: Db,
  runId: string,
  query: SamplePageQuery,
): Promise<SampleSummary[]> {
  const a = query.after;
  const text = query.text ? `%${query.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
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

export async function runCounts(db: Db, runIds: string[]): Promise<RunCounts[]> {
  if (runIds.length === 0) return [];
  const byRun = new Map<string, RunCounts>();
  for (const part of chunks([...new Set(runIds)], 1)) {
    const rows = await db
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

export async function runUsage(db: Db, runId: string): Promise<RunUsage> {
  const rows = await db
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

export async function aggregateSamples(
  db: Db,
  filter: { benchmark?: string; model?: string } = {},
): Promise<SampleAggregate[]> {
  let q = db
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

/** A run's mean score per item (errors left out): plain rows in key order, averaged here, cheaper than GROUP BY. */
export async function itemScores(db: Db, runId: string): Promise<Map<string, number>> {
  const rows = await db
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
