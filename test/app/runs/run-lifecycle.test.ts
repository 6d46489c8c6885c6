import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openSqliteStore } from '../../../src/adapters/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../../src/adapters/store/store.ts';
import { runViews } from '../../../src/app/queries/run-views.ts';
import { RunLifecycle } from '../../../src/app/runs/run-lifecycle.ts';
import { runSpec } from '../../helpers/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-lifecycle-'));
let store: Store;
before(async () => {
  store = await openSqliteStore(join(dir, 'store.db'));
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const counts = { done: 0, total: 10, errors: 0, cached: 0 };
const remote = (n: number) => `${n}@another-host.example`;

test('a claimed run belongs to one owner: a second claim is refused while its heartbeat is fresh', async () => {
  await store.createRun(runSpec({ id: 'r-claim' }));
  let now = Date.parse('2026-01-01T00:00:00Z');
  const a = new RunLifecycle(store, 'r-claim', remote(1), () => now);
  const b = new RunLifecycle(store, 'r-claim', remote(2), () => now);
  await a.claim(counts);
  await assert.rejects(b.claim(counts), /is running in process 1@another-host\.example/);
  assert.equal(await b.heartbeat({ ...counts, done: 5 }), false, 'only the owner writes the heartbeat');
  assert.equal(await a.heartbeat({ ...counts, done: 5 }), true);
  now += 31_000;
  await b.claim(counts);
  const run = await store.run('r-claim');
  assert.equal(run?.status, 'running');
  assert.equal(run?.progress.owner, remote(2));
  assert.equal(await a.finish(counts), false, 'the old owner cannot end a run it lost');
  assert.equal(await b.finish({ ...counts, done: 10 }), true);
  assert.equal((await store.run('r-claim'))?.status, 'finished');
});

test('a failure is recorded with its reason and the failed run can be claimed again', async () => {
  await store.createRun(runSpec({ id: 'r-fail' }));
  const a = new RunLifecycle(store, 'r-fail', remote(3));
  await a.claim(counts);
  assert.equal(await new RunLifecycle(store, 'r-fail', remote(4)).fail('not mine'), false);
  assert.equal(await a.fail('connection refused'), true);
  const run = await store.run('r-fail');
  assert.equal(run?.status, 'failed');
  assert.equal(run?.reason, 'connection refused');
  await a.claim(counts);
  assert.equal((await store.run('r-fail'))?.reason, null, 'a resumed run drops its old reason');
});

test('runs shows a run interrupted once its heartbeat is stale, or at once when its owner process on this host is gone', async () => {
  await store.createRun(runSpec({ id: 'r-stale' }));
  const t = Date.parse('2026-01-01T00:00:00Z');
  await new RunLifecycle(store, 'r-stale', remote(5), () => t).claim(counts);
  const at = async (ms: number) => (await runViews(store, { ids: ['r-stale'], nowMs: ms }))[0]?.status;
  assert.equal(await at(t + 10_000), 'running');
  assert.equal(await at(t + 59_000), 'interrupted');
  assert.equal((await store.run('r-stale'))?.status, 'interrupted', 'recorded as interrupted');

  await store.createRun(runSpec({ id: 'r-dead' }));
  // A pid far above any pid_max: no such process on this host.
  await new RunLifecycle(store, 'r-dead', `2147483646@${hostname()}`).claim(counts);
  assert.equal((await runViews(store, { ids: ['r-dead'] }))[0]?.status, 'interrupted');
});
