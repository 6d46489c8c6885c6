import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { openPostgresEndpointBudget } from '../../../src/adapters/queue/postgres-endpoint-budget.ts';
import { pgSkip } from '../../helpers/postgres.ts';
import { budgetDatabase } from '../../helpers/postgres-budget.ts';
import { type BudgetHarness, endpointBudgetConformance } from './endpoint-budget-conformance.ts';

const database = budgetDatabase();

async function harness(): Promise<BudgetHarness> {
  const { url, admin } = await database();
  return {
    url,
    open: (o) => openPostgresEndpointBudget(url, o),
    setLimits: (endpoint, limits) => admin.setLimits(endpoint, limits),
  };
}

endpointBudgetConformance('PostgreSQL', harness, { skip: pgSkip });

describe('PostgreSQL endpoint budget', { skip: pgSkip }, () => {
  test('limits are stored per endpoint under a key without credentials, query or trailing slash', async () => {
    const { admin } = await database();
    await admin.setLimits('https://user:s3cret-pass@api.example.test/v1/?key=k3y-in-query', {
      concurrency: 8,
      rpm: 600,
      tpm: null,
    });
    assert.deepEqual(await admin.limits('https://api.example.test/v1'), {
      concurrency: 8,
      rpm: 600,
      tpm: null,
    });
    await admin.setLimits('https://api.example.test/v1', { concurrency: null, rpm: 60, tpm: 1000 });
    assert.deepEqual(await admin.limits('https://api.example.test/v1/'), {
      concurrency: null,
      rpm: 60,
      tpm: 1000,
    });
    assert.equal(await admin.limits('https://elsewhere.test/v1'), null);
    await admin.pause('https://other:pw-secret@api.example.test/v1', Date.now() + 50);
    const permit = await admin.acquire('https://x:pw-secret@api.example.test/v1?key=k3y-in-query', 3);
    await permit.release(3);
    const stored = JSON.stringify([
      ...(await sql`select * from endpoint_budgets`.execute(admin.db)).rows,
      ...(await sql`select * from endpoint_requests`.execute(admin.db)).rows,
    ]);
    for (const secret of ['s3cret', 'k3y-in-query', 'pw-secret', 'user'])
      assert.ok(!stored.includes(secret), secret);
    assert.ok(
      (await admin.list()).some((b) => b.endpoint === 'https://api.example.test/v1' && b.pausedUntil > 0),
    );
    await assert.rejects(admin.setLimits('x', { concurrency: 0, rpm: null, tpm: null }));
  });

  test('a killed holder’s slot is taken only once its lease has run out, and its ledger rows are pruned', async () => {
    const { url, admin } = await database();
    const b = await openPostgresEndpointBudget(url, { windowMs: 200, leaseMs: 400 });
    const endpoint = 'http://127.0.0.1:1/lease';
    await admin.setLimits(endpoint, { concurrency: 1, rpm: null, tpm: null });
    const holder = 'vanished-holder';
    const now = Number(
      (
        await sql<{
          t: string;
        }>`select floor(extract(epoch from clock_timestamp()) * 1000)::bigint as t`.execute(admin.db)
      ).rows[0]!.t,
    );
    await sql`insert into endpoint_requests (endpoint, holder, started_at, lease_until, tokens)
      values (${endpoint}, ${holder}, ${now}, ${now + 400}, 1)`.execute(admin.db);
    const permit = await b.acquire(endpoint, 1);
    const rows = (
      await sql<{
        holder: string;
        started_at: string;
        lease_until: string;
      }>`select holder, started_at, lease_until
        from endpoint_requests where endpoint = ${endpoint} order by id`.execute(admin.db)
    ).rows;
    assert.equal(rows[1]?.holder, b.holder);
    assert.ok(Number(rows[1]!.started_at) >= Number(rows[0]!.lease_until), 'started after the lease ran out');
    await permit.release(1);
    await new Promise((r) => setTimeout(r, 700)); // past the vanished lease plus the window
    (await b.acquire(endpoint, 1)).release(1);
    const left = (
      await sql<{
        holder: string;
      }>`select holder from endpoint_requests where endpoint = ${endpoint}`.execute(admin.db)
    ).rows;
    assert.ok(!left.some((r) => r.holder === holder), 'the vanished holder’s row was pruned');
    await b.close();
  });

  test('an aborted reserved start leaves no ledger row, and close() ends what a holder still holds', async () => {
    const { url, admin } = await database();
    const b = await openPostgresEndpointBudget(url, { windowMs: 10_000 });
    const endpoint = 'http://127.0.0.1:1/ledger';
    await admin.setLimits(endpoint, { concurrency: null, rpm: 1, tpm: null });
    await (await b.acquire(endpoint, 1)).release(1);
    const stop = new AbortController();
    const reserved = b.acquire(endpoint, 1, stop.signal);
    const count = async () =>
      Number(
        (
          await sql<{
            n: string;
          }>`select count(*) as n from endpoint_requests where endpoint = ${endpoint}`.execute(admin.db)
        ).rows[0]!.n,
      );
    while ((await count()) < 2) await new Promise((r) => setTimeout(r, 10));
    stop.abort(new Error('given up'));
    await assert.rejects(reserved, /given up/);
    assert.equal(await count(), 1);
    await admin.setLimits(endpoint, { concurrency: 5, rpm: null, tpm: null });
    await b.acquire(endpoint, 1);
    await b.close();
    const open = (
      await sql`select id from endpoint_requests where endpoint = ${endpoint} and ended_at is null`.execute(
        admin.db,
      )
    ).rows;
    assert.deepEqual(open, []);
  });

  test('a release records the tokens really used, so a start estimated too high does not hold the next one back', async () => {
    const { url, admin } = await database();
    const b = await openPostgresEndpointBudget(url, { windowMs: 10_000 });
    const endpoint = 'http://127.0.0.1:1/corrected';
    await admin.setLimits(endpoint, { concurrency: null, rpm: null, tpm: 10 });
    await (await b.acquire(endpoint, 10)).release(2);
    // 2 used + 8 estimated fit in 10: the start is not reserved a window later.
    await (await b.acquire(endpoint, 8)).release(8);
    const rows = (
      await sql<{ started_at: string; ended_at: string }>`select started_at, ended_at from endpoint_requests
        where endpoint = ${endpoint} order by id`.execute(admin.db)
    ).rows;
    assert.ok(Number(rows[1]!.started_at) < Number(rows[0]!.ended_at) + 10_000);
    await b.close();
  });

  test('a start reserved ahead sleeps past a pause another holder announces meanwhile', async () => {
    const { url, admin } = await database();
    const b = await openPostgresEndpointBudget(url, { windowMs: 300 });
    const endpoint = 'http://127.0.0.1:1/reserved-then-paused';
    await admin.setLimits(endpoint, { concurrency: null, rpm: 1, tpm: null });
    await (await b.acquire(endpoint, 1)).release(1);
    const reserved = b.acquire(endpoint, 1);
    const rows = async () =>
      (await sql`select id from endpoint_requests where endpoint = ${endpoint}`.execute(admin.db)).rows
        .length;
    while ((await rows()) < 2) await new Promise((r) => setTimeout(r, 5));
    const until = Date.now() + 1000;
    await admin.pause(endpoint, until);
    await (await reserved).release(1);
    assert.ok(Date.now() >= until, 'the reserved start waited for the pause');
    await b.close();
  });
});
