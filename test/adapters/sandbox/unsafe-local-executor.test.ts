import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openExecutor } from '../../../src/adapters/sandbox/open-executor.ts';
import { UserError } from '../../../src/core/errors/user-error.ts';
import { executorConformance, heJob } from './executor-conformance.ts';

executorConformance(
  'unsafe-local',
  () => openExecutor({ workers: 2, unsafeLocal: true, onWarning: () => {} }),
  false,
);

test('without bubblewrap, code execution is refused with how to install it', async () => {
  await assert.rejects(openExecutor({ bwrap: '/nonexistent/bwrap' }), (e: unknown) => {
    assert.ok(e instanceof UserError);
    assert.match(e.message, /bubblewrap.*apt-get install bubblewrap.*--unsafe-local/s);
    return true;
  });
});

test('--unsafe-local runs code after a warning', async () => {
  const warnings: string[] = [];
  const ex = await openExecutor({ unsafeLocal: true, workers: 1, onWarning: (m) => warnings.push(m) });
  try {
    assert.equal(ex.kind, 'unsafe-local');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /WITHOUT a sandbox/);
  } finally {
    await ex.close();
  }
});

test('a supervisor that dies is replaced; its job is retried once, then reported as sandbox-error', async () => {
  const ex = await openExecutor({ unsafeLocal: true, workers: 2, onWarning: () => {} });
  try {
    // Unsandboxed, a program can kill its supervisor (in bubblewrap it cannot: the supervisor is PID 1).
    const r = await ex.run(
      heJob('import posix\nposix.kill(posix.getppid(), 9)\nimport time\ntime.sleep(1)', ['pass']),
    );
    assert.equal(r.tests[0]!.verdict, 'sandbox-error');
    const after = await Promise.all([1, 2, 3, 4].map((i) => ex.run(heJob(`x = ${i}`, ['assert x > 0']))));
    assert.deepEqual(
      after.map((a) => a.tests[0]!.verdict),
      ['pass', 'pass', 'pass', 'pass'],
    );
  } finally {
    await ex.close();
  }
});

test('the unsandboxed executor removes its work folder when it closes', async () => {
  const folders = () => new Set(readdirSync(tmpdir()).filter((n) => n.startsWith('yardstick-exec-')));
  const before = folders();
  const ex = await openExecutor({ unsafeLocal: true, workers: 1, onWarning: () => {} });
  const created = [...folders()].filter((n) => !before.has(n));
  try {
    assert.equal(created.length, 1, 'one work folder while it runs');
    const r = await ex.run(heJob('x = 1', ['assert x == 1']));
    assert.equal(r.tests[0]!.verdict, 'pass');
  } finally {
    await ex.close();
  }
  assert.equal(existsSync(join(tmpdir(), created[0]!)), false);
});
