import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshPgDatabase, pgSkip } from '../helpers/postgres.ts';
import { runCliAsync } from '../helpers/run-cli.ts';

let db: { url: string; drop: () => Promise<void> } | null = null;
before(async () => {
  if (!pgSkip) db = await freshPgDatabase();
});
after(async () => {
  await db?.drop();
});

const yardstick = (...args: string[]) => runCliAsync(['--store', db!.url, ...args]);
const stored = async () => JSON.parse((await yardstick('queue', 'limits', '--json')).stdout);

test("eval --queue stores the limits it is given as its endpoint's, for every worker; a default concurrency is no cap", {
  skip: pgSkip,
}, async () => {
  const endpoint = 'http://127.0.0.1:9/v1';
  const queue = (...more: string[]) =>
    yardstick('eval', '-m', `openai:m@${endpoint}`, '-b', 'arithmetic', '--limit', '2', '--queue', ...more);
  const plain = await queue();
  assert.equal(plain.status, 0, plain.stderr);
  assert.deepEqual(await stored(), []);
  const limited = await queue('--rpm', '600', '--concurrency', '64');
  assert.equal(limited.status, 0, limited.stderr);
  const [budget] = await stored();
  assert.equal(budget.endpoint, endpoint);
  assert.deepEqual(budget.limits, { concurrency: 64, rpm: 600, tpm: null });
});

test('queue limits shows, changes one limit at a time, lifts with "none", and refuses bad values in one line', {
  skip: pgSkip,
}, async () => {
  const endpoint = 'http://127.0.0.1:8/v1';
  const set = await yardstick('queue', 'limits', endpoint, '--tpm', '100000', '--concurrency', '8');
  assert.equal(set.status, 0, set.stderr);
  assert.match(set.stdout, /127\.0\.0\.1:8\/v1\s+8\s+-\s+100000/);
  const lift = await yardstick('queue', 'limits', endpoint, '--concurrency', 'none', '--rpm', '30');
  assert.equal(lift.status, 0, lift.stderr);
  const mine = (await stored()).find((b: { endpoint: string }) => b.endpoint === endpoint);
  assert.deepEqual(mine.limits, { concurrency: null, rpm: 30, tpm: 100000 });

  const bad = await yardstick('queue', 'limits', endpoint, '--rpm', '-3');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /expected a positive whole number or "none", got "-3"/);
  const nameless = await yardstick('queue', 'limits', '--rpm', '5');
  assert.equal(nameless.status, 2);
  assert.match(nameless.stderr, /name the endpoint whose limits to change/);
  assert.doesNotMatch(nameless.stderr, /\n\s+at /);
});
