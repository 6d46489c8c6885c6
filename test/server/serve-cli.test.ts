import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { MAIN, runCli } from '../helpers/run-cli.ts';

test('yardstick serve binds 127.0.0.1, answers the API read-only, and stops cleanly on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-serve-cli-'));
  const child = spawn(process.execPath, [MAIN, '--store', join(dir, 's.db'), 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /dashboard at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('close', () => reject(new Error(`serve exited: ${out}`)));
    });
    const runs = await fetch(`${url}api/runs`);
    assert.equal(runs.status, 200);
    assert.deepEqual(await runs.json(), []);
    assert.match(runs.headers.get('content-security-policy')!, /default-src 'none'/);
    const write = await fetch(`${url}api/figures/x`, { method: 'PUT', body: '{}' });
    assert.equal(write.status, 403);
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    child.kill();
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve rejects a port out of range with a usage error', () => {
  const r = runCli(['serve', '--port', '70000']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /expected a port from 0 to 65535/);
});
