import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSandboxCommand } from '../../../src/core/sandbox/sandbox-command.ts';

const base = {
  bwrap: '/usr/bin/bwrap',
  python: '/usr/bin/python3',
  supervisorSource: 'print(1)',
  tmpfsBytes: 1024,
  hostUid: 1000,
  uid: 65534,
  setpriv: '/usr/bin/setpriv',
  localWorkDir: '/tmp/w',
};

test('the sandbox has no network, its own namespaces, only /usr read-only and a sized tmpfs', () => {
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
  assert.doesNotMatch(a, /--(ro-)?bind \/(etc|root|home|work)/);
  assert.match(a, /--uid 65534 --gid 65534/);
});

test('as root, setpriv drops to the unprivileged uid first (the kernel exempts uid 0 from RLIMIT_NPROC)', () => {
  const c = buildSandboxCommand({ ...base, hostUid: 0 });
  assert.equal(c.file, '/usr/bin/setpriv');
  assert.deepEqual(c.args.slice(0, 2), ['--reuid=65534', '--regid=65534']);
  assert.ok(c.args.includes('/usr/bin/bwrap'));
});

test('unsafe-local runs the supervisor directly with its work folder', () => {
  const c = buildSandboxCommand({ ...base, bwrap: null });
  assert.equal(c.file, '/usr/bin/python3');
  assert.deepEqual(c.args, ['-I', '-c', 'print(1)', '/tmp/w']);
});
