import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SandboxPool } from '../../../src/adapters/sandbox/sandbox-pool.ts';
import type { ExecJobInput } from '../../../src/core/sandbox/exec-job.ts';

// A stand-in supervisor speaking the real protocol, misbehaving on request: "hang" ignores SIGTERM and
// never answers, "wrong-id" answers for another job, "unasked" sends an extra reply, anything else passes.
const FAKE = `
import json, os, signal, struct, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
def send(obj):
    data = json.dumps(obj).encode()
    os.write(1, struct.pack(">I", len(data)) + data)
def read(n):
    buf = b""
    while len(buf) < n:
        chunk = os.read(0, n - len(buf))
        if not chunk:
            sys.exit(0)
        buf += chunk
    return buf
send({"ready": True})
while True:
    (n,) = struct.unpack(">I", read(4))
    job = json.loads(read(n))
    ok = {"id": job["id"], "tests": [{"t": 0, "v": "pass", "ms": 1}], "wallMs": 1}
    if job["program"] == "hang":
        while True:
            time.sleep(1000)
    elif job["program"] == "wrong-id":
        send(dict(ok, id=job["id"] + 1000))
    elif job["program"] == "unasked":
        send(ok)
        send(ok)
    else:
        send(ok)
`;

const job = (program: string, timeoutMs: number): ExecJobInput => ({
  mode: 'human-eval',
  program,
  tests: [{ line: 1, timeoutMs }],
  graceMs: 0,
});

function pool(): SandboxPool {
  return new SandboxPool({
    kind: 'unsafe-local',
    workers: 1,
    command: () => ({ file: '/usr/bin/python3', args: ['-I', '-c', FAKE] }),
    replyMarginMs: 200,
  });
}

test('a supervisor that stops answering is killed at the job deadline and replaced; the job is a sandbox-error and the next runs', async () => {
  const p = pool();
  try {
    await p.started();
    const hung = await p.run(job('hang', 1));
    assert.equal(hung.tests[0]!.verdict, 'sandbox-error');
    assert.match(hung.tests[0]!.message ?? '', /did not answer within 201 ms/);
    const next = await p.run(job('fine', 60_000));
    assert.equal(next.tests[0]!.verdict, 'pass');
  } finally {
    await p.close();
  }
});

test('a reply that names another job is refused: the supervisor is replaced and the job ends as a sandbox-error', async () => {
  const p = pool();
  try {
    await p.started();
    const r = await p.run(job('wrong-id', 60_000));
    assert.equal(r.tests[0]!.verdict, 'sandbox-error');
    assert.match(r.tests[0]!.message ?? '', /reply to no job in flight/);
    assert.equal((await p.run(job('fine', 60_000))).tests[0]!.verdict, 'pass');
  } finally {
    await p.close();
  }
});

test('a supervisor that sends a reply nobody asked for is replaced, and later jobs get their own replies', async () => {
  const p = pool();
  try {
    await p.started();
    const first = await p.run(job('unasked', 60_000));
    assert.equal(first.tests[0]!.verdict, 'pass');
    const rs = await Promise.all([1, 2, 3].map(() => p.run(job('fine', 60_000))));
    assert.deepEqual(
      rs.map((r) => r.tests[0]!.verdict),
      ['pass', 'pass', 'pass'],
    );
  } finally {
    await p.close();
  }
});
