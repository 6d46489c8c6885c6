import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import type { CachedResponse, Store } from '../../../src/adapters/store/store.ts';
import { SampleWriter } from '../../../src/app/eval/sample-writer.ts';
import type { SampleRecord } from '../../../src/core/schema/index.ts';

/** A store that only records the batches it is asked to write. */
function recordingStore(fail = false) {
  const batches: { samples: number; responses: number }[] = [];
  const store = {
    async recordSamples(samples: SampleRecord[], responses: CachedResponse[]) {
      if (fail) throw new Error('disk full');
      batches.push({ samples: samples.length, responses: responses.length });
    },
  } as unknown as Store;
  return { store, batches };
}

const sample = (i: number) => ({ itemId: `i${i}`, sampleIndex: 0 }) as SampleRecord;
const response = (i: number) => ({ key: `k${i}` }) as CachedResponse;

test('records wait for a lull in arrivals, then go to the store in one write with their responses', async () => {
  const { store, batches } = recordingStore();
  const w = new SampleWriter(store, { quietMs: 250, maxAgeMs: 10_000, maxBuffered: 100 });
  for (let i = 0; i < 5; i++) {
    await w.add(sample(i), i % 2 ? null : response(i));
    await sleep(1);
  }
  assert.equal(batches.length, 0, 'nothing is written while records keep arriving');
  await sleep(500);
  assert.deepEqual(batches, [{ samples: 5, responses: 3 }]);
  assert.equal(w.written, 5);
});

test('a full buffer is written at once, and add waits for that write', async () => {
  const { store, batches } = recordingStore();
  const w = new SampleWriter(store, { quietMs: 10_000, maxAgeMs: 10_000, maxBuffered: 3 });
  await w.add(sample(1), null);
  await w.add(sample(2), null);
  assert.equal(batches.length, 0);
  await w.add(sample(3), null);
  assert.deepEqual(batches, [{ samples: 3, responses: 0 }]);
  await w.flush();
});

test('records never wait longer than maxAgeMs, even when arrivals never pause', async () => {
  const { store, batches } = recordingStore();
  const w = new SampleWriter(store, { quietMs: 30, maxAgeMs: 60, maxBuffered: 1000 });
  for (let i = 0; i < 30 && batches.length === 0; i++) {
    await w.add(sample(i), null);
    await sleep(5);
  }
  assert.ok(batches.length >= 1, 'a write happened although no 30 ms lull occurred');
  await w.flush();
  assert.equal(
    batches.reduce((n, b) => n + b.samples, 0),
    w.written,
  );
});

test('flush writes everything buffered; a failed write is raised by the next add', async () => {
  const ok = recordingStore();
  const w = new SampleWriter(ok.store);
  await w.add(sample(1), response(1));
  await w.flush();
  assert.deepEqual(ok.batches, [{ samples: 1, responses: 1 }]);

  const bad = recordingStore(true);
  const v = new SampleWriter(bad.store, { quietMs: 1 });
  await v.add(sample(1), null);
  await assert.rejects(v.flush(), /disk full/);
  await assert.rejects(v.add(sample(2), null), /disk full/);
});
