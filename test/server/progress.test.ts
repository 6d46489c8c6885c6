import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openSqliteStore } from '../../src/adapters/store/sqlite/open-sqlite-store.ts';
import { createApp } from '../../src/server/create-app.ts';
import { runSpec, sample } from '../helpers/fixtures.ts';

interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}

/** Reads Server-Sent Events from a response body, one at a time. */
function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<SseEvent | null> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .filter((l) => l.startsWith(`${name}:`))
              .map((l) => l.slice(name.length + 1).trimStart())
              .join('\n');
          return { event: field('event') || 'message', id: field('id') || null, data: field('data') };
        }
        const { value, done } = await reader.read();
        if (done) return null;
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

const nextProgress = async (r: ReturnType<typeof sseReader>) => {
  for (;;) {
    const e = await r.next();
    if (e === null || e.event === 'progress') return e;
  }
};

test('progress streams counts as samples are stored, resumes by Last-Event-ID without repeats, and ends with the run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-sse-'));
  const store = await openSqliteStore(join(dir, 'store.db'));
  try {
    await store.createRun(runSpec({ id: 'live' }), 'running');
    const app = createApp({ store, uiDir: dir });
    const res = await app.request('/api/progress?run=live');
    assert.match(res.headers.get('content-type')!, /text\/event-stream/);
    const events = sseReader(res.body!);
    const first = (await nextProgress(events))!;
    const [p0] = JSON.parse(first.data);
    assert.deepEqual([p0.runId, p0.status, p0.counts.samples], ['live', 'running', 0]);

    await store.recordSamples(
      [
        sample({ runId: 'live', itemId: 'a' }),
        sample({ runId: 'live', itemId: 'b', verdict: 'incorrect', score: 0 }),
      ],
      [],
    );
    const second = (await nextProgress(events))!;
    const [p1] = JSON.parse(second.data);
    assert.deepEqual([p1.counts.samples, p1.counts.correct, p1.counts.incorrect], [2, 1, 1]);
    assert.notEqual(second.id, first.id);
    await events.cancel();

    // A reconnect that has seen the latest state gets no progress event until the next change.
    const again = await app.request('/api/progress?run=live', { headers: { 'last-event-id': second.id! } });
    const resumed = sseReader(again.body!);
    await store.recordSamples([sample({ runId: 'live', itemId: 'c' })], []);
    const third = (await nextProgress(resumed))!;
    assert.equal(JSON.parse(third.data)[0].counts.samples, 3);

    await store.updateRun('live', { status: 'finished', finishedAt: new Date().toISOString() });
    const last = (await nextProgress(resumed))!;
    assert.equal(JSON.parse(last.data)[0].status, 'finished');
    assert.equal(await resumed.next(), null, 'the stream ends once the run has finished');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('progress without a run watches every running run and reports each one last when it stops', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-sse-'));
  const store = await openSqliteStore(join(dir, 'store.db'));
  try {
    await store.createRun(runSpec({ id: 'r1' }), 'running');
    await store.createRun(runSpec({ id: 'r2' }), 'running');
    await store.updateRun('r2', { status: 'finished', finishedAt: new Date().toISOString() });
    const app = createApp({ store, uiDir: dir });
    const events = sseReader((await app.request('/api/progress')).body!);
    const first = JSON.parse((await nextProgress(events))!.data);
    assert.deepEqual(
      first.map((p: { runId: string }) => p.runId),
      ['r1'],
    );
    await store.updateRun('r1', { status: 'failed', finishedAt: new Date().toISOString() });
    const next = JSON.parse((await nextProgress(events))!.data);
    assert.deepEqual(
      next.map((p: { runId: string; status: string }) => [p.runId, p.status]),
      [['r1', 'failed']],
    );
    await events.cancel();
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('progress sends at most 4 events a second even when asked to look more often and the counts change all the time', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-sse-'));
  const store = await openSqliteStore(join(dir, 'store.db'));
  let writing = true;
  try {
    await store.createRun(runSpec({ id: 'busy' }), 'running');
    const app = createApp({ store, uiDir: dir, progressIntervalMs: 1 });
    const events = sseReader((await app.request('/api/progress?run=busy')).body!);
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        await store.recordSamples([sample({ runId: 'busy', itemId: `i${i}` })], []);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    // 250 ms apart on the server; 50 ms of slack for when the reader runs. Unclamped, they would come
    // a few ms apart.
    const times: number[] = [];
    for (let k = 0; k < 4; k++) {
      await nextProgress(events);
      times.push(performance.now());
    }
    writing = false;
    await writer;
    await events.cancel();
    for (let k = 1; k < times.length; k++)
      assert.ok(
        times[k]! - times[k - 1]! >= 200,
        `events ${k - 1} and ${k} came ${times[k]! - times[k - 1]!} ms apart`,
      );
  } finally {
    writing = false;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
