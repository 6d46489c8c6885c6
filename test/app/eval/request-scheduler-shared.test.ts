import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  openPostgresEndpointBudget,
  type PostgresEndpointBudget,
} from '../../../src/adapters/queue/postgres-endpoint-budget.ts';
import { budgetChild, startCountingServer } from '../../helpers/budget-children.ts';
import { freshPgDatabase, pgSkip } from '../../helpers/postgres.ts';

let db: { url: string; drop: () => Promise<void> } | null = null;
let admin: PostgresEndpointBudget | null = null;
after(async () => {
  await admin?.close();
  await db?.drop();
});

test('a 429 with Retry-After seen by one process holds back the requests of every process sharing the endpoint', {
  skip: pgSkip,
  timeout: 180_000,
}, async () => {
  db = await freshPgDatabase();
  admin = await openPostgresEndpointBudget(db.url);
  const endpoint = 'http://127.0.0.1:1/v1';
  // One request in flight across all processes: the one answered 429 pauses everyone before its
  // slot is given back, so no other request can slip in between.
  await admin.setLimits(endpoint, { concurrency: 1, rpm: null, tpm: null });
  let limitedAt = 0;
  const server = await startCountingServer((n) => {
    if (n !== 3) return { status: 200 };
    limitedAt = Date.now();
    return { status: 429, headers: { 'retry-after': '1' } };
  });
  try {
    const children = [0, 1, 2].map(() =>
      budgetChild({ mode: 'schedule', url: db!.url, endpoint, server: server.url, requests: 5 }),
    );
    const results = await Promise.all(children.map((c) => c.result));
    assert.equal(
      results.reduce((a, r) => a + r.sent, 0),
      15,
      'every request succeeded in the end',
    );
    assert.equal(server.arrivals.length, 16, '15 requests and the one answered 429');
    assert.ok(limitedAt > 0);
    const during = server.arrivals.filter((a) => a.wallMs > limitedAt && a.wallMs < limitedAt + 1000);
    assert.deepEqual(during, [], 'requests arrived during the Retry-After pause');
  } finally {
    await server.close();
  }
});
