import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jobState, queueStatus, settled } from '../../../src/core/queue/queue-status.ts';
import { payloadProblem, ShardJobPayload } from '../../../src/core/schema/queue-job.ts';

const good = { runId: 'r1', from: 16, to: 32, endpoint: 'http://127.0.0.1:8000/v1' };

test('a shard payload parses with its defaults', () => {
  assert.deepEqual(ShardJobPayload.parse(good), { ...good, retryErrors: false, priority: 0 });
});

test('payload schemas refuse bad payloads, naming the field', () => {
  const bad: [unknown, RegExp][] = [
    [null, /\(root\)/],
    ['text', /\(root\)/],
    [{ ...good, runId: '' }, /^malformed payload: runId:/],
    [{ ...good, from: -1 }, /^malformed payload: from:/],
    [{ ...good, to: 16 }, /^malformed payload: to: must be greater than from/],
    [{ ...good, from: 1.5 }, /^malformed payload: from:/],
    [{ ...good, endpoint: undefined }, /^malformed payload: endpoint:/],
    [{ ...good, extra: 1 }, /^malformed payload: \(root\): .*extra/],
    [{ ...good, priority: 'high' }, /^malformed payload: priority:/],
  ];
  for (const [payload, reason] of bad) {
    const r = ShardJobPayload.safeParse(payload);
    assert.equal(r.success, false, JSON.stringify(payload));
    if (!r.success) assert.match(payloadProblem(r.error), reason);
  }
});

test('queue status counts jobs per run and endpoint, by state and kind, runs in the given order', () => {
  const lines = queueStatus(
    [
      { runId: 'b', kind: 'gen', endpoint: 'e1', state: 'queued', count: 5 },
      { runId: 'a', kind: 'gen', endpoint: 'e1', state: 'completed', count: 3 },
      { runId: 'a', kind: 'score', endpoint: 'e1', state: 'active', count: 2 },
      { runId: 'a', kind: 'exec', endpoint: 'e1', state: 'failed', count: 1 },
      { runId: 'a', kind: 'gen', endpoint: 'e1', state: 'completed', count: 4 },
      { runId: 'b', kind: 'gen', endpoint: 'e2', state: 'cancelled', count: 6 },
    ],
    ['b', 'a'],
  );
  assert.deepEqual(
    lines.map((l) => [l.runId, l.endpoint, l.total]),
    [
      ['b', 'e1', { queued: 5, active: 0, completed: 0, failed: 0, cancelled: 0 }],
      ['b', 'e2', { queued: 0, active: 0, completed: 0, failed: 0, cancelled: 6 }],
      ['a', 'e1', { queued: 0, active: 2, completed: 7, failed: 1, cancelled: 0 }],
    ],
  );
  assert.equal(lines[2]!.byKind.gen.completed, 7);
  assert.equal(lines[2]!.byKind.exec.failed, 1);
  assert.deepEqual(lines.map(settled), [false, true, false]);
});

test("the engine's job states map to what yardstick queue shows", () => {
  assert.equal(jobState('created'), 'queued');
  assert.equal(jobState('retry'), 'queued');
  assert.equal(jobState('active'), 'active');
  assert.equal(jobState('completed'), 'completed');
  assert.equal(jobState('failed'), 'failed');
  assert.equal(jobState('cancelled'), 'cancelled');
  assert.equal(jobState('something-else'), null);
});
