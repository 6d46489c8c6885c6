import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, test } from 'node:test';
import pg from 'pg';
import { startFakeServer } from '../../adapters/providers/fake-model-server.ts';
import { freshPgDatabase, pgSkip } from '../../helpers/postgres.ts';
import { runCliAsync } from '../../helpers/run-cli.ts';
import { makeWorkerNetns, relay, type WorkerNetns } from '../../helpers/worker-netns.ts';
import { dropWhenIdle, MAIN, pgRun, runIdOf, waitFor } from './queue-helpers.ts';

const made = pgSkip ? null : makeWorkerNetns();
const skip = pgSkip || (typeof made === 'string' ? made : false);
after(() => {
  if (made && typeof made !== 'string') made.remove();
});

test('two workers in a network namespace of their own, reaching PostgreSQL and the endpoint only over a veth link, finish a queued run with every sample once', {
  skip,
}, async () => {
  const ns = made as WorkerNetns;
  const server = await startFakeServer({ latencyMs: 20 }, 0, false);
  const db = await freshPgDatabase();
  const pgRelay = await relay(ns.hostIp, Number(new URL(db.url).port));
  const apiRelay = await relay(ns.hostIp, Number(new URL(server.url).port));
  const workers: ReturnType<typeof spawn>[] = [];
  try {
    // The run names the endpoint by the host's veth address, as a cluster names a model server.
    const endpoint = `http://${ns.hostIp}:${apiRelay.port}/v1`;
    const queued = await runCliAsync([
      '--store',
      db.url,
      'eval',
      '-m',
      `openai:fake@${endpoint}`,
      '-b',
      'arithmetic',
      '--limit',
      '60',
      '--samples',
      '2',
      '--queue',
      '--shard-size',
      '8',
    ]);
    assert.equal(queued.status, 0, queued.stderr);
    const runId = runIdOf(queued.stdout);

    const remote = new URL(db.url);
    remote.hostname = ns.hostIp;
    remote.port = String(pgRelay.port);
    let output = '';
    for (let i = 0; i < 2; i++) {
      const w = spawn(
        'ip',
        ['netns', 'exec', ns.name, process.execPath, MAIN, '--store', remote.toString(), 'worker'],
        { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
      );
      w.stdout!.on('data', (d: Buffer) => (output += d));
      w.stderr!.on('data', (d: Buffer) => (output += d));
      workers.push(w);
    }
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      await waitFor(
        'the run to finish',
        async () =>
          (await admin.query('SELECT status FROM runs WHERE id = $1', [runId])).rows[0]?.status ===
          'finished',
      );
    } finally {
      await admin.end();
    }
    for (const w of workers) w.kill('SIGTERM');
    const codes = await Promise.all(
      workers.map(async (w) => (w.exitCode ?? (await once(w, 'exit'))[0]) as number),
    );
    assert.deepEqual(codes, [0, 0], output);

    const { samples } = await pgRun(db.url, runId);
    assert.equal(samples.length, 120);
    assert.equal(new Set(samples.map((s) => `${s.itemId}#${s.sampleIndex}`)).size, 120);
    // Every connection through the relays came from the namespace's end of the link.
    const fromWorkers = (peers: string[]) => peers.every((p) => p.replace(/^::ffff:/, '') === ns.workerIp);
    assert.ok(pgRelay.peers.length > 0 && fromWorkers(pgRelay.peers), pgRelay.peers.join(', '));
    assert.ok(apiRelay.peers.length > 0 && fromWorkers(apiRelay.peers), apiRelay.peers.join(', '));
  } finally {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await pgRelay.close();
    await apiRelay.close();
    await server.close();
    await dropWhenIdle(db);
  }
});
