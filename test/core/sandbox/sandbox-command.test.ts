import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSandboxCommand } from '../../../src/core/sandbox/sandbox-command.ts';

const base = {
  bwrap: '/usr/bin/bwrap',
  python: '/usr/bin/python3',
  supervisorSource: 'print(1)',
  launcherSource: 'print(2)',
  tmpfsBytes: 1024,
  shmBytes: 2048,
  hostUid: 1000,
  uid: 65534,
  hostBase: 1_800_000_000,
  localWorkDir: '/tmp/w',
};

test('the sandbox has no network, its own namespaces, only /usr read-only, a read-only root and sized tmpfs', () => {
  const c = buildSandboxCommand(base);
  assert.equal(c.file, '/usr/bin/bwrap');
  const a = c.args.join(' ');
  for (const flag of [
    '--unshare-all',
    '--unshare-user',
    '--die-with-parent',
    '--new-session',
    '--as-pid-1',
    '--clearenv',
  ])
    assert.ok(c.args.includes(flag), flag);
  assert.match(a, /--ro-bind \/usr \/usr/);
  assert.match(a, /--size 1024 --tmpfs \/tmp/);
  assert.match(a, /--size 2048 --tmpfs \/dev\/shm/);
  assert.match(a, /--remount-ro \/dev --remount-ro \/ /);
  assert.doesNotMatch(a, /--(ro-)?bind \/(etc|root|home|work)/);
  assert.match(a, /--uid 65534 --gid 65534/);
});

test("as root, the launcher maps three host uids so samples run under a uid other than the supervisor's", () => {
  const c = buildSandboxCommand({ ...base, hostUid: 0 });
  assert.equal(c.file, '/usr/bin/python3');
  assert.deepEqual(c.args.slice(0, 7), [
    '-I',
    '-c',
    'print(2)',
    '1800000000',
    '1000',
    '--',
    '/usr/bin/bwrap',
  ]);
  const a = c.args.join(' ');
  assert.ok(!c.args.includes('--unshare-user'));
  assert.match(
    a,
    /--cap-drop ALL --cap-add CAP_SETUID --cap-add CAP_SETGID --cap-add CAP_KILL --cap-add CAP_SYS_ADMIN --cap-add CAP_CHOWN --cap-add CAP_FOWNER --cap-add CAP_DAC_READ_SEARCH/,
  );
  assert.match(a, /--remount-ro \/dev --remount-ro \/ /);
  assert.deepEqual(JSON.parse(c.args.at(-1)!), {
    work: '/tmp',
    sampleUid: 1000,
    tmpfsBytes: 1024,
    shmBytes: 2048,
  });
});

test('unsafe-local runs the supervisor directly with its work folder', () => {
  const c = buildSandboxCommand({ ...base, bwrap: null });
  assert.equal(c.file, '/usr/bin/python3');
  assert.deepEqual(c.args.slice(0, 3), ['-I', '-c', 'print(1)']);
  assert.equal(JSON.parse(c.args[3]!).work, '/tmp/w');
});
