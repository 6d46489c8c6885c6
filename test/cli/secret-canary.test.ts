import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { type ReceivedRequest, startFakeServer } from '../adapters/providers/fake-model-server.ts';
import { MAIN } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-canary-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const KEY = 'sk-CANARY/q8Zx+Lw3Vb7Nm2Kp9Rt4';
const USER = 'canary-user';
const PASSWORD = 'pw-CANARY-h7Fj3Kd9';

/** Every form the canary may take in a file: whole, each 8-character piece, escaped, encoded, basic-auth. */
const FORBIDDEN = [
  ...Array.from({ length: KEY.length - 7 }, (_, i) => KEY.slice(i, i + 8)),
  KEY.replaceAll('/', '\\/'),
  encodeURIComponent(KEY),
  PASSWORD,
  Buffer.from(`${USER}:${PASSWORD}`).toString('base64'),
];

function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      env: { ...process.env, NO_COLOR: '1', YS_CANARY: KEY, ...env },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

/** The credentials the request carried, echoed back in every form a careless server or model might use. */
function echo(r: ReceivedRequest): string {
  const sent = String(r.headers.authorization ?? r.headers['x-api-key'] ?? '');
  const basic = String(r.headers.authorization ?? '').startsWith('Basic ')
    ? Buffer.from(String(r.headers.authorization).slice(6), 'base64').toString()
    : '';
  return [
    `you sent ${sent}`,
    `basic ${basic}`,
    `escaped ${JSON.stringify(sent).replaceAll('/', '\\/')}`,
    `piece ${sent.slice(12, 24)}`,
    `encoded ${encodeURIComponent(sent)}`,
  ].join('; ');
}

function leaks(text: string): string[] {
  return FORBIDDEN.filter((f) => text.includes(f));
}

/** Every file under a folder, recursively. */
function files(root: string): string[] {
  return readdirSync(root).flatMap((n) => {
    const p = join(root, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test('a key and base-URL credentials echoed in every form by each provider reach no file and no output', async () => {
  let n = 0;
  const server = await startFakeServer({
    script: (r) => {
      n++;
      if (n % 5 === 0) return { kind: 'status', status: 400, body: `bad request: ${echo(r)}` };
      if (n % 7 === 0) return { kind: 'status', status: 500, body: JSON.stringify({ error: echo(r) }) };
      return { kind: 'ok', text: `${echo(r)}. The answer is 4.`, reasoning: `thinking about ${echo(r)}` };
    },
  });
  try {
    const store = join(dir, 'store.db');
    const base = server.url.replace('http://', `http://${USER}:${PASSWORD}@`);
    const outputs: string[] = [];
    for (const model of [
      `openai:chat@${base}`,
      `openai-completions:comp@${base}`,
      `anthropic:claude@${base}`,
    ]) {
      const r = await cli([
        '--store',
        store,
        'eval',
        '-m',
        model,
        '-b',
        'arithmetic',
        '--limit',
        '12',
        '--api-key-env',
        'YS_CANARY',
        // Some answers are errors on purpose: they are allowed, so the exit code is 0.
        '--max-error-rate',
        '0.5',
      ]);
      assert.equal(r.code, 0, r.out);
      outputs.push(r.out);
    }
    assert.ok(
      server.log.some((q) => String(q.headers.authorization).includes(KEY.slice(3))),
      'the key was sent',
    );
    assert.ok(
      server.log.some((q) => q.headers['x-api-key'] === KEY),
      'the Anthropic key was sent',
    );
    assert.ok(
      server.log.some((q) => String(q.headers.authorization).startsWith('Basic ')),
      'the base-URL credentials were sent',
    );
    const runs = await cli(['--store', store, 'runs', '--json']);
    assert.equal(runs.code, 0, runs.out);
    assert.match(runs.out, /"endpoint": "http:\/\/127\.0\.0\.1:\d+\/v1"/);
    outputs.push(runs.out);
    for (const args of [
      ['export', '-o', join(dir, 'export.jsonl')],
      ['export', '--format', 'csv', '--kind', 'result', '-o', join(dir, 'results.csv')],
      ['results', '--json'],
    ]) {
      const r = await cli(['--store', store, ...args]);
      assert.equal(r.code, 0, r.out);
      outputs.push(r.out);
    }
    const r = await cli(['--store', store, 'catalog', 'load']);
    assert.equal(r.code, 0, r.out);
    const rep = await cli([
      '--store',
      store,
      'report',
      '-o',
      join(dir, 'report'),
      '--figure',
      'fig1-livecodebench-v5',
    ]);
    assert.equal(rep.code, 0, rep.out);
    outputs.push(rep.out);
    for (const [i, o] of outputs.entries()) assert.deepEqual(leaks(o), [], `output ${i}: ${o.slice(0, 400)}`);
    const written = files(dir);
    assert.ok(written.some((f) => f.endsWith('store.db')));
    for (const f of written)
      assert.deepEqual(leaks(readFileSync(f).toString('latin1')), [], `${f} holds a piece of a secret`);
    // The answers were stored, redacted, and scored.
    const db = new (await import('node:sqlite')).DatabaseSync(store);
    const row = db
      .prepare("select response, reasoning from samples where response like 'you sent%' limit 1")
      .get() as {
      response: string;
      reasoning: string;
    };
    const errors = db.prepare("select count(*) n from samples where verdict = 'error'").get() as {
      n: number;
    };
    db.close();
    assert.match(row.response, /\[redacted\].*The answer is 4\./);
    assert.ok(Number(errors.n) > 0, 'some requests ended as recorded errors');
  } finally {
    await server.close();
  }
});

test('a run whose base URL carried user:password resumes only when given them again, and no file or output holds them', async () => {
  const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
  let failing = true;
  let n = 0;
  const server = await startFakeServer({
    script: (r) => {
      if (r.headers.authorization !== basic) return { kind: 'status', status: 401, body: 'who are you?' };
      n++;
      // The first pass leaves a third of the samples as errors, for a resume to retry.
      return failing && n % 3 === 0 ? { kind: 'status', status: 400, body: 'not now' } : { kind: 'ok' };
    },
  });
  try {
    const sub = mkdtempSync(join(dir, 'resume-'));
    const store = join(sub, 'store.db');
    const bare = server.url;
    const withCreds = bare.replace('http://', `http://${USER}:${PASSWORD}@`);
    // No API key: the base URL's user:password is the only credential (Basic authorization).
    const env = { OPENAI_API_KEY: '', YS_ENDPOINT: withCreds };
    const outputs: string[] = [];
    const first = await cli(
      ['--store', store, 'eval', '-m', `openai:chat@${withCreds}`, '-b', 'arithmetic', '--limit', '9'],
      env,
    );
    assert.equal(first.code, 7, first.out);
    outputs.push(first.out);
    const runs = JSON.parse((await cli(['--store', store, 'runs', '--json'])).out) as {
      id: string;
      endpoint: string;
      endpointCredentials: boolean;
    }[];
    assert.equal(runs.length, 1);
    const run = runs[0]!;
    assert.equal(run.endpoint, bare);
    assert.equal(run.endpointCredentials, true);
    failing = false;
    const sent = server.log.length;

    const without = await cli(['--store', store, 'eval', '--resume', run.id, '--retry-errors'], env);
    assert.equal(without.code, 2, without.out);
    assert.equal(
      without.out,
      `yardstick: run ${run.id} was made with user:password in its base URL, which is never stored: resume with --base-url ${bare.replace('http://', 'http://USER:PASSWORD@')} (or --base-url-env NAME, a variable holding it)\n`,
    );
    const other = await cli(
      ['--store', store, 'eval', '--resume', run.id, '--base-url', withCreds.replace('/v1', '/v2')],
      env,
    );
    assert.equal(other.code, 2, other.out);
    assert.match(
      other.out,
      /^yardstick: --base-url http:\/\/127\.0\.0\.1:\d+\/v2 is not the endpoint of run /,
    );
    outputs.push(without.out, other.out);
    assert.equal(server.log.length, sent, 'a refused resume sends nothing');

    const resumed = await cli(
      ['--store', store, 'eval', '--resume', run.id, '--retry-errors', '--base-url-env', 'YS_ENDPOINT'],
      env,
    );
    assert.equal(resumed.code, 0, resumed.out);
    outputs.push(resumed.out);
    assert.ok(server.log.length > sent, 'the resume sent its requests');
    assert.ok(
      server.log.slice(sent).every((q) => q.headers.authorization === basic),
      'with the credentials',
    );
    for (const args of [
      ['runs', '--json'],
      ['export', '-o', join(sub, 'export.jsonl')],
      ['show', run.id],
    ]) {
      const r = await cli(['--store', store, ...args]);
      assert.equal(r.code, 0, r.out);
      outputs.push(r.out);
    }
    for (const [i, o] of outputs.entries()) assert.deepEqual(leaks(o), [], `output ${i}: ${o.slice(0, 400)}`);
    for (const f of files(sub))
      assert.deepEqual(leaks(readFileSync(f).toString('latin1')), [], `${f} holds a piece of a secret`);
  } finally {
    await server.close();
  }
});
