import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startFakeServer } from '../../adapters/providers/fake-model-server.ts';
import { EXIT } from '../../../src/core/errors/user-error.ts';
import { cliAsync } from '../../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-eval-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The real CLI as a child process (asynchronously: the scripted server runs in this process). */
const cli = cliAsync;

test('eval with a suite file runs every model x benchmark and `runs` lists their specs', async () => {
  const server = await startFakeServer();
  try {
    const store = join(dir, 'suite.db');
    const suite = join(dir, 'suite.yaml');
    writeFileSync(
      suite,
      `models:\n  - openai:alpha@${server.url}\n  - openai-completions:beta@${server.url}\nbenchmarks: [arithmetic]\nlimit: 6\nsamples: 2\ntemperature: 0.5\n`,
    );
    const r = await cli(['--store', store, 'eval', suite]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /alpha\s+arithmetic\s+12\s+0/);
    assert.match(r.stdout, /beta\s+arithmetic\s+12\s+0/);
    assert.equal(server.total(), 24);
    const runs = await cli(['--store', store, 'runs', '--json']);
    const specs = JSON.parse(runs.stdout) as Record<string, unknown>[];
    assert.equal(specs.length, 2);
    assert.deepEqual(
      specs.map((s) => s.status),
      ['finished', 'finished'],
    );
    assert.deepEqual((specs[0]!.provider as { name: string }).name, 'openai-chat');
    assert.deepEqual(
      specs[0]!.task,
      { kind: 'task', name: 'arithmetic', args: { count: 200, seed: 0 } },
      'the run records the resolved task arguments',
    );
    assert.equal((specs[0]!.generation as { temperature: number }).temperature, 0.5);
    const table = await cli(['--store', store, 'runs']);
    assert.match(table.stdout, /alpha--arithmetic--/);
  } finally {
    await server.close();
  }
});

test('the API key never reaches the store, the output or the error messages', async () => {
  const key = 'sk-live-VERYSECRET-4242424242';
  let refuse = false;
  const server = await startFakeServer({
    script: (r) => {
      if (refuse) return { kind: 'status', status: 401, body: `invalid key ${key}` };
      return (r.body.seed as number) % 3 === 0
        ? { kind: 'status', status: 400, body: `bad request for ${key}` }
        : { kind: 'ok' };
    },
  });
  try {
    const store = join(dir, 'secret.db');
    const args = [
      '--store',
      store,
      'eval',
      '-m',
      `openai:m@${server.url}`,
      '-b',
      'arithmetic',
      '--api-key-env',
      'MY_KEY',
    ];
    const r = await cli([...args, '--limit', '20', '--max-error-rate', '0.5'], { MY_KEY: key });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(
      server.log.every((q) => q.headers.authorization === `Bearer ${key}`),
      'the key was sent',
    );
    assert.match(
      r.stderr,
      /ended as errors, by cause:\n +\d+ {2}HTTP 400 from 127\.0\.0\.1:\d+: bad request for \[redacted\]/,
    );
    refuse = true;
    const refused = await cli([...args, '--limit', '30'], { MY_KEY: key });
    assert.equal(refused.code, EXIT.endpoint);
    assert.match(refused.stderr, /refused the credentials \(HTTP 401 .*\[redacted\].*\): check \$MY_KEY/);
    const runs = await cli(['--store', store, 'runs', '--json']);
    assert.match(runs.stdout, /"apiKeyEnv": "MY_KEY"/);
    assert.match(runs.stdout, /"status": "failed"/);
    for (const text of [r.stdout, r.stderr, refused.stdout, refused.stderr, runs.stdout])
      assert.ok(!text.includes(key));
    for (const f of readdirSync(dir).filter((n) => n.startsWith('secret.db'))) {
      assert.ok(!readFileSync(join(dir, f)).includes(key), `${f} holds the key`);
    }
  } finally {
    await server.close();
  }
});

test('bad input gets one clear line: unknown provider, missing flags, suite errors with file and line', async () => {
  const store = join(dir, 'bad.db');
  const a = await cli(['--store', store, 'eval', '-m', 'nope:x', '-b', 'arithmetic']);
  assert.equal(a.code, 2);
  assert.match(a.stderr, /^yardstick: --model "nope:x": unknown provider "nope"/);
  const b = await cli(['--store', store, 'eval', '-m', 'openai:x@http://127.0.0.1:9/v1']);
  assert.equal(b.code, 2);
  assert.match(b.stderr, /give --model and --benchmark/);
  const suite = join(dir, 'bad-suite.yaml');
  writeFileSync(suite, 'models: [openai:x@http://127.0.0.1:9/v1]\nbenchmarks: [arithmetic]\nsamples: many\n');
  const c = await cli(['--store', store, 'eval', suite]);
  assert.equal(c.code, 3);
  assert.match(c.stderr, /bad-suite\.yaml:3: samples: /);
  const d = await cli([
    '--store',
    store,
    'eval',
    '-m',
    'openai:x@http://127.0.0.1:9/v1',
    '-b',
    'no-such-benchmark',
  ]);
  assert.equal(d.code, 5);
  assert.match(d.stderr, /unknown task "no-such-benchmark"/);
  const e = await cli(['--store', store, 'eval', '--resume', 'missing-run']);
  assert.equal(e.code, 5);
  assert.match(e.stderr, /no run "missing-run"/);
});
