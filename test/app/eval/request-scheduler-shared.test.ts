import assert from 'node:assert/strict';
import { test } from 'node:test';
import { budgetChild, startCountingServer } from '../../helpers/budget-children.ts';
import { pgSkip } from '../../helpers/postgres.ts';
import { budgetDatabase } from '../../helpers/postgres-budget.ts';

const database = budgetDatabase();

test('a 429 with Retry-After seen by one process holds back the requests of every process sharing the endpoint', {
  skip: pgSkip,
  timeout: 180_000,
}, async () => {
  const { url, admin } = await database();
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
      budgetChild({ mode: 'schedule', url, endpoint, server: server.url, requests: 5 }),
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
