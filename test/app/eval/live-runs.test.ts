import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeServer } from '../../adapters/providers/fake-model-server.ts';
import { evalArgs, cliAsync, startCli } from '../../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-live-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface RunJson {
  id: string;
  status: string;
  progress: { done: number; total: number; errors: number; cached: number; owner: string | null };
  scoreSoFar: number | null;
}

async function runs(store: string): Promise<RunJson[]> {
  const r = await cliAsync(['--store', store, 'runs', '--json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as RunJson[];
}

/** Polls `runs --json` from another process until `ok` holds for the first run. */
async function until(
  store: string,
  ok: (r: RunJson) => boolean,
  what: string,
  done: Promise<unknown> | null = null,
): Promise<RunJson> {
  for (let i = 0; i < 600; i++) {
    const [r] = await runs(store);
    if (r && ok(r)) return r;
    const ended = done ? Promise.race([done.then(() => true), sleep(50).then(() => false)]) : sleep(50);
    if (await ended) throw new Error(`the eval ended before runs --json showed ${what}`);
  }
  throw new Error(`runs --json never showed ${what}`);
}

test('another process sees a running eval progress with its score so far; after kill -9 it shows interrupted, and --resume finishes it', async () => {
  const server = await startFakeServer({ latencyMs: 30 });
  try {
    const store = join(dir, 'live.db');
    const env = { YARDSTICK_HEARTBEAT_MS: '50' };
    assert.deepEqual(await runs(store), [], 'the store exists before two processes open it');
    const { child, done } = startCli(
      evalArgs(store, `openai:m@${server.url}`, '--limit', '150', '--samples', '3', '--concurrency', '2'),
      env,
    );
    const first = await until(store, (r) => r.status === 'running' && r.progress.done > 0, 'progress', done);
    assert.equal(first.progress.total, 450);
    assert.match(first.progress.owner ?? '', new RegExp(`^${child.pid}@`));
    const later = await until(store, (r) => r.progress.done > first.progress.done + 10, 'done rising', done);
    assert.equal(typeof later.scoreSoFar, 'number', 'a score so far');
    const table = await cliAsync(['--store', store, 'runs']);
    assert.match(table.stdout, /running\s+\d+\/450\s+0\s+0\s+\d+\.\d/);
    child.kill('SIGKILL');
    await done;
    const killed = await until(store, (r) => r.status !== 'running', 'a status other than running');
    assert.equal(killed.status, 'interrupted');
    const resumed = await cliAsync(['--store', store, 'eval', '--resume', killed.id, '--progress', 'json']);
    assert.equal(resumed.code, 0, resumed.stderr);
    const events = resumed.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; run: string; done?: number; status?: string });
    assert.deepEqual(events[0], {
      event: 'run-start',
      run: killed.id,
      model: 'm',
      benchmark: 'arithmetic',
      resumed: true,
    });
    assert.equal(events.at(-1)?.event, 'run-end');
    assert.equal(events.at(-1)?.status, 'finished');
    assert.ok(
      events.some((e) => e.event === 'progress' && e.done === 450),
      'a last progress event at 450/450',
    );
    const [final] = await runs(store);
    assert.equal(final?.status, 'finished');
    assert.equal(final?.progress.done, 450);
  } finally {
    await server.close();
  }
});

test('off a terminal, eval prints progress lines; errors fail the exit code unless --max-error-rate allows them', async () => {
  const server = await startFakeServer({
    script: (r) =>
      (r.body.seed as number) % 5 === 1
        ? { kind: 'status', status: 400, body: 'prompt too long' }
        : { kind: 'ok' },
  });
  try {
    const store = join(dir, 'lines.db');
    const args = evalArgs(store, `openai:m@${server.url}`, '--limit', '30', '--samples', '2');
    const r = await cliAsync(args, { YARDSTICK_PROGRESS_MS: '1' });
    assert.equal(r.code, 7, r.stderr);
    assert.match(r.stderr, /^run m--arithmetic--\S+: m \/ arithmetic$/m);
    assert.match(r.stderr, /^m \/ arithmetic \[#+\] 60\/60 {2}ETA 0:00/m);
    assert.match(
      r.stderr,
      /^\d+ of 60 samples of m--arithmetic--\S+ ended as errors, by cause:\n +\d+ {2}HTTP 400 from 127\.0\.0\.1:\d+: prompt too long$/m,
    );
    assert.match(
      r.stderr,
      /^yardstick: \d+ of 60 samples ended as errors \(allowed: 0\.0%, --max-error-rate\); retry them with yardstick eval --resume m--arithmetic--\S+ --retry-errors$/m,
    );
    const allowed = await cliAsync([...args, '--max-error-rate', '0.5', '--progress', 'none']);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.doesNotMatch(allowed.stderr, /\[#/);
    assert.match(allowed.stdout, /metric\s+value %\s+± stderr\s+95% CI/);
    assert.match(allowed.stdout, /accuracy\s+\d+\.\d\s+\d+\.\d\s+\d+\.\d\.\.\d+\.\d\s+30/);
  } finally {
    await server.close();
  }
});
