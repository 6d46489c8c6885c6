import { PgBoss } from 'pg-boss';
import { type JobCountRow, jobState } from '../../core/queue/queue-status.ts';
import { JobKind } from '../../core/schema/queue-job.ts';
import type { SqlTransactionStore } from '../store/store.ts';
import type { JobQueue, NewJob, QueueJob } from './job-queue.ts';

/** pg-boss's own tables live in this schema of the store's database. */
export const QUEUE_SCHEMA = 'yardstick_queue';
const queueName = (kind: JobKind) => `yardstick-${kind}`;

/**
 * pg-boss takes jobs by priority, then creation time; the jobs of one insert share their creation
 * time, so a job that comes back (its worker was killed, or gave it back) would wait behind the whole
 * backlog. Jobs are stored at twice their run's priority, and a job waiting for another delivery is
 * raised by one: it goes before its run's other jobs, never before a run of higher priority.
 */
const stored = (priority: number) => 2 * priority;
const PROMOTE_EVERY_MS = 2000;
const kindOf = new Map(JobKind.options.map((k) => [queueName(k), k]));

export interface PgBossQueueOptions {
  /** Seconds without a `touch` after which a job's lease is lost and it is delivered again (>= 10). */
  heartbeatSeconds?: number;
  /** How often this process checks for lost leases, in seconds (0: never; one supervisor is enough). */
  superviseSeconds?: number;
  /** Deliveries of a job beyond its first before it fails for good. */
  retryLimit?: number;
  /** Jobs per insert statement. */
  insertBatch?: number;
}

const DEFAULTS: Required<PgBossQueueOptions> = {
  heartbeatSeconds: 10,
  superviseSeconds: 5,
  retryLimit: 25,
  insertBatch: 5000,
};

/**
 * The job queue on pg-boss, in the store's own PostgreSQL database and through the store's own
 * connection pool (no second pool: a worker holds few connections). A job's completion runs in the
 * store's transaction, so its samples and its completion commit together.
 */
export class PgBossQueue implements JobQueue {
  private readonly boss: PgBoss;
  private readonly store: SqlTransactionStore;
  private readonly o: Required<PgBossQueueOptions>;
  private readonly promoted = new Map<JobKind, number>();

  private constructor(store: SqlTransactionStore, boss: PgBoss, o: Required<PgBossQueueOptions>) {
    this.store = store;
    this.boss = boss;
    this.o = o;
  }

  /** Starts pg-boss on the store (installing its schema on first use) and creates the three queues. */
  static async open(store: SqlTransactionStore, options: PgBossQueueOptions = {}): Promise<PgBossQueue> {
    if (store.dialect !== 'postgres') throw new Error('the job queue needs a PostgreSQL store');
    const o = { ...DEFAULTS, ...options };
    const boss = new PgBoss({
      db: { executeSql: (text, values) => store.executeSql(text, values) },
      schema: QUEUE_SCHEMA,
      supervise: o.superviseSeconds > 0,
      // Lost leases are found by the monitor pass, so it runs as often as the supervisor.
      ...(o.superviseSeconds > 0
        ? { superviseIntervalSeconds: o.superviseSeconds, monitorIntervalSeconds: o.superviseSeconds }
        : {}),
      schedule: false,
      registerInstance: false,
      openTelemetry: { enabled: false },
    });
    // pg-boss reports background errors (a supervisor query that failed) as events; they are retried.
    boss.on('error', () => undefined);
    await boss.start();
    for (const kind of JobKind.options) {
      const name = queueName(kind);
      if (await boss.getQueue(name)) continue;
      await boss
        .createQueue(name, {
          heartbeatSeconds: o.heartbeatSeconds,
          retryLimit: o.retryLimit,
          retryDelay: 1,
          expireInSeconds: 3600,
        })
        .catch(async (err) => {
          // Another process created it at the same moment.
          if (!(await boss.getQueue(name))) throw err;
        });
    }
    return new PgBossQueue(store, boss, o);
  }

  async add(jobs: NewJob[], onBatch?: (added: number) => void): Promise<void> {
    let added = 0;
    for (const kind of JobKind.options) {
      const mine = jobs.filter((j) => j.kind === kind);
      for (let i = 0; i < mine.length; i += this.o.insertBatch) {
        const part = mine.slice(i, i + this.o.insertBatch);
        await this.boss.insert(
          queueName(kind),
          part.map((j) => ({ data: j.data, priority: stored(j.priority) })),
        );
        added += part.length;
        onBatch?.(added);
      }
    }
  }

  async fetch(kind: JobKind, max: number): Promise<QueueJob[]> {
    if (max <= 0) return [];
    await this.promoteReturned(kind);
    const jobs = await this.boss.fetch<unknown>(queueName(kind), { batchSize: max });
    return jobs.map((j) => ({ id: j.id, kind, data: j.data, retryCount: j.retryCount }));
  }

  /** Raises the jobs waiting for another delivery above their run's other jobs (every 2 s at most). */
  private async promoteReturned(kind: JobKind): Promise<void> {
    const now = Date.now();
    if (now - (this.promoted.get(kind) ?? 0) < PROMOTE_EVERY_MS) return;
    this.promoted.set(kind, now);
    await this.store.executeSql(
      `UPDATE ${QUEUE_SCHEMA}.job SET priority = priority + 1 WHERE name = $1 AND state = 'retry' AND priority % 2 = 0`,
      [queueName(kind)],
    );
  }

  async touch(jobs: QueueJob[]): Promise<void> {
    for (const kind of JobKind.options) {
      const mine = jobs.filter((j) => j.kind === kind);
      if (mine.length) await this.boss.touch(queueName(kind), mine.map(attempt));
    }
  }

  async commit(
    job: QueueJob,
    write: (store: SqlTransactionStore) => Promise<void>,
    then: NewJob[],
  ): Promise<boolean> {
    try {
      await this.store.atomicallyWithSql(async (trx) => {
        const db = { executeSql: (text: string, values?: unknown[]) => trx.executeSql(text, values) };
        await write(trx);
        for (const kind of JobKind.options) {
          const mine = then.filter((j) => j.kind === kind);
          if (mine.length)
            await this.boss.insert(
              queueName(kind),
              mine.map((j) => ({ data: j.data, priority: stored(j.priority) })),
              { db },
            );
        }
        const r = (await this.boss.complete(queueName(job.kind), attempt(job), null, { db })) as {
          affected?: number;
        };
        if ((r.affected ?? 0) !== 1) throw new LeaseLost();
      });
      return true;
    } catch (err) {
      if (err instanceof LeaseLost) return false;
      throw err;
    }
  }

  async fail(job: QueueJob, reason: string): Promise<void> {
    await this.boss.fail(queueName(job.kind), attempt(job), { message: reason });
  }

  async failForGood(job: QueueJob, reason: string): Promise<void> {
    await this.store.atomicallyWithSql(async (trx) => {
      await trx.executeSql(
        `UPDATE ${QUEUE_SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2::uuid`,
        [queueName(job.kind), job.id],
      );
      const db = { executeSql: (text: string, values?: unknown[]) => trx.executeSql(text, values) };
      await this.boss.fail(queueName(job.kind), attempt(job), { message: reason }, { db });
    });
  }

  async release(job: QueueJob): Promise<void> {
    await this.boss.fail(queueName(job.kind), attempt(job), { message: 'returned by a stopping worker' });
  }

  /** Ids of a run's jobs of one queue in the given states. */
  private async runJobIds(name: string, runId: string, states: string[]): Promise<string[]> {
    const { rows } = await this.store.executeSql(
      `SELECT id::text AS id FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND data->>'runId' = $2 AND state::text = ANY($3::text[])`,
      [name, runId, states],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  async cancelRun(runId: string): Promise<number> {
    let n = 0;
    for (const kind of JobKind.options) {
      const ids = await this.runJobIds(queueName(kind), runId, ['created', 'retry', 'active']);
      for (let i = 0; i < ids.length; i += 10_000) {
        const r = (await this.boss.cancel(queueName(kind), ids.slice(i, i + 10_000))) as {
          affected?: number;
        };
        n += r.affected ?? 0;
      }
    }
    return n;
  }

  async retryRun(runId: string): Promise<number> {
    let n = 0;
    for (const kind of JobKind.options) {
      const ids = await this.runJobIds(queueName(kind), runId, ['failed']);
      for (let i = 0; i < ids.length; i += 10_000) {
        const r = (await this.boss.retry(queueName(kind), ids.slice(i, i + 10_000))) as {
          affected?: number;
        };
        n += r.affected ?? 0;
      }
    }
    return n;
  }

  async counts(runIds?: string[]): Promise<JobCountRow[]> {
    const names = JobKind.options.map(queueName);
    const { rows } = await this.store.executeSql(
      `SELECT name, state::text AS state, data->>'runId' AS run_id, COALESCE(data->>'endpoint', '') AS endpoint,
              count(*)::int AS n
         FROM ${QUEUE_SCHEMA}.job
        WHERE name = ANY($1::text[]) ${runIds ? `AND data->>'runId' = ANY($2::text[])` : ''}
        GROUP BY 1, 2, 3, 4`,
      runIds ? [names, runIds] : [names],
    );
    const out: JobCountRow[] = [];
    for (const r of rows as {
      name: string;
      state: string;
      run_id: string | null;
      endpoint: string;
      n: number;
    }[]) {
      const kind = kindOf.get(r.name);
      const state = jobState(r.state);
      if (!kind || !state || r.run_id === null) continue;
      out.push({ runId: r.run_id, kind, endpoint: r.endpoint, state, count: Number(r.n) });
    }
    return out;
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, close: false, timeout: 1000 }).catch(() => undefined);
  }
}

class LeaseLost extends Error {}

const attempt = (job: QueueJob) => ({ id: job.id, retryCount: job.retryCount });
