import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { EndpointError } from '../../../src/app/eval/endpoint-failure.ts';
import { EXIT } from '../../../src/core/errors/user-error.ts';
import { startFakeServer } from '../../adapters/providers/fake-model-server.ts';
import { evalArgs, cliAsync } from '../../helpers/run-cli.ts';
import { evalFixture } from './eval-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-fail-fast-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A local port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

async function runsJson(store: string) {
  const r = await cliAsync(['--store', store, 'runs', '--json']);
  return JSON.parse(r.stdout) as {
    id: string;
    status: string;
    reason: string | null;
    progress: { done: number };
  }[];
}

test('an eval against a refused connection ends at once with one line naming the endpoint and the cause, exit 6, run failed', async () => {
  const store = join(dir, 'refused.db');
  const url = `http://127.0.0.1:${await closedPort()}/v1`;
  const r = await cliAsync(['--store', store, 'eval', '-m', `openai:m@${url}`, '-b', 'arithmetic']);
  assert.equal(r.code, EXIT.endpoint);
  const lines = r.stderr
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('yardstick:'));
  assert.equal(lines.length, 1, r.stderr);
  assert.match(
    lines[0]!,
    new RegExp(
      `cannot evaluate at ${url.replace(/[./]/g, '\\$&')} \\(m\\): connection refused \\(ECONNREFUSED\\)`,
    ),
  );
  assert.match(lines[0]!, /continue with yardstick eval --resume m--arithmetic--/);
  const [run] = await runsJson(store);
  assert.equal(run?.status, 'failed');
  assert.match(run?.reason ?? '', /connection refused/);
});

test('refused credentials (401) and an unknown model (404) end the same way, and the failed run resumes to the end once fixed', async () => {
  let mode: 'auth' | 'missing' | 'ok' = 'auth';
  const server = await startFakeServer({
    script: () =>
      mode === 'auth'
        ? { kind: 'status', status: 401, body: 'invalid api key' }
        : mode === 'missing'
          ? { kind: 'status', status: 404, body: 'The model `nope` does not exist' }
          : { kind: 'ok' },
  });
  try {
    const store = join(dir, 'auth.db');
    const args = evalArgs(store, `openai:nope@${server.url}`, '--limit', '10');
    const auth = await cliAsync(args);
    assert.equal(auth.code, EXIT.endpoint);
    assert.match(
      auth.stderr,
      /^yardstick: cannot evaluate at .*: the server refused the credentials \(HTTP 401 .*invalid api key\): check \$OPENAI_API_KEY/m,
    );
    const first = server.total();
    assert.ok(first >= 1 && first <= 8, `at most one wave (concurrency 8), none retried: ${first}`);
    mode = 'missing';
    const missing = await cliAsync(args);
    assert.equal(missing.code, EXIT.endpoint);
    assert.match(missing.stderr, /model "nope" or its API path not found \(HTTP 404/);
    // Requests of the first eval may still reach the server after it exited: count both evals together.
    assert.ok(server.total() <= 16, `two evals sent ${server.total()} requests`);
    const runs = await runsJson(store);
    assert.deepEqual(
      runs.map((x) => [x.status, x.progress.done]),
      [
        ['failed', 0],
        ['failed', 0],
      ],
      'failed runs with no sample recorded as an error',
    );
    mode = 'ok';
    const resumed = await cliAsync(['--store', store, 'eval', '--resume', runs[1]!.id, '--concurrency', '2']);
    assert.equal(resumed.code, 0, resumed.stderr);
    const after2 = await runsJson(store);
    assert.equal(after2[1]?.status, 'finished');
    assert.equal(after2[1]?.reason, null);
  } finally {
    await server.close();
  }
});

test('the circuit breaker stops a run after N transport failures in a row and records it failed with the cause', async () => {
  let calls = 0;
  const fx = await evalFixture({
    script: () => (++calls <= 2 ? { kind: 'ok' } : { kind: 'status', status: 503, body: 'overloaded' }),
  });
  try {
    const spec = await fx.newRun({ limit: 40, concurrency: 1 });
    await assert.rejects(
      fx.execute(spec, { breaker: { maxConsecutive: 5 } }),
      (err: unknown) =>
        err instanceof EndpointError &&
        err.exitCode === EXIT.endpoint &&
        /5 requests failed in a row, the last with: HTTP 503 .*overloaded.*--retry-errors/.test(err.message),
    );
    const run = await fx.store.run(spec.id);
    assert.equal(run?.status, 'failed');
    assert.match(run?.reason ?? '', /5 requests failed in a row/);
    assert.equal(run?.progress.done, 7, 'two answers and five errors recorded, nothing after');
    assert.equal(run?.progress.errors, 5);
  } finally {
    await fx.close();
  }
});

test('when a suite stops at a failed run, the runs it never started are left interrupted, not queued', async () => {
  const store = join(dir, 'suite.db');
  const suite = join(dir, 'suite.yaml');
  const url = `http://127.0.0.1:${await closedPort()}/v1`;
  writeFileSync(suite, `models: [openai:a@${url}, openai:b@${url}]\nbenchmarks: [arithmetic]\nlimit: 5\n`);
  const r = await cliAsync(['--store', store, 'eval', suite]);
  assert.equal(r.code, EXIT.endpoint);
  assert.deepEqual(
    (await runsJson(store)).map((x) => [x.status, x.progress.done]),
    [
      ['failed', 0],
      ['interrupted', 0],
    ],
  );
});
