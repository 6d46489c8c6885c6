import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Action, ReceivedRequest } from '../../adapters/providers/fake-model-server.ts';
import { prepareExecution } from '../../../src/app/eval/prepare-execution.ts';
import { RunLifecycle } from '../../../src/app/runs/run-lifecycle.ts';
import { collect, dataset, evalFixture } from './eval-fixture.ts';

const userText = (r: ReceivedRequest) =>
  (r.body.messages as { role: string; content: string }[]).find((m) => m.role === 'user')?.content ?? '';

test('a run records one scored sample per item and sample, each sample with its own seed', async () => {
  const f = await evalFixture();
  try {
    const spec = await f.newRun({ samples: 3, limit: 10 });
    const out = await f.execute(spec);
    assert.equal(out.status, 'finished');
    const samples = await collect(f.store.samples(spec.id));
    assert.equal(samples.length, 30);
    assert.equal(out.summary.errors, 0);
    assert.equal(out.summary.scored, 30);
    const seeds = new Set(f.server.log.map((r) => r.body.seed));
    assert.equal(seeds.size, 30);
    assert.ok(samples.every((s) => s.response && s.promptTokens === 11 && s.completionTokens === 5));
    assert.equal(out.summary.metrics[0]?.name, 'accuracy');
    assert.equal(out.summary.metrics[0]?.n, 10);
  } finally {
    await f.close();
  }
});

test('429 with Retry-After, 500s, resets, truncated and malformed bodies are retried until the answer arrives', async () => {
  const faults: Action[] = [
    { kind: 'status', status: 429, retryAfter: '0.05' },
    { kind: 'status', status: 500 },
    { kind: 'reset' },
    { kind: 'truncate' },
    { kind: 'malformed' },
  ];
  const f = await evalFixture({
    script: (r) => (r.attempt === 1 ? faults[(r.body.seed as number) % faults.length]! : { kind: 'ok' }),
  });
  try {
    const spec = await f.newRun({ limit: 15 });
    const started = Date.now();
    const out = await f.execute(spec);
    assert.equal(out.summary.errors, 0);
    assert.equal(out.summary.samples, 15);
    assert.equal(f.server.total(), 30, 'each request failed once and succeeded once');
    const limited = f.server.log.filter(
      (r) => r.attempt === 1 && (r.body.seed as number) % faults.length === 0,
    );
    assert.ok(limited.length > 0);
    assert.ok(Date.now() - started >= 50, 'the Retry-After pause was honoured');
  } finally {
    await f.close();
  }
});

test('a request slower than the timeout is retried, and one that always fails is recorded as an error, not scored', async () => {
  const f = await evalFixture({
    script: (r) => {
      const text = userText(r);
      if (text.includes('shares')) return { kind: 'status', status: 503 };
      if (r.attempt === 1) return { kind: 'slow', delayMs: 1000 };
      return { kind: 'ok' };
    },
  });
  try {
    const spec = await f.newRun({ limit: 12, timeoutMs: 200 });
    const out = await f.execute(spec);
    const samples = await collect(f.store.samples(spec.id));
    const errors = samples.filter((s) => s.verdict === 'error');
    assert.ok(errors.length > 0 && errors.length < 12);
    for (const e of errors) {
      assert.equal(e.score, null);
      assert.match(e.error ?? '', /HTTP 503/);
    }
    assert.equal(out.summary.errors, errors.length);
    assert.equal(out.summary.scored, 12 - errors.length);
    assert.equal(out.summary.metrics[0]?.n, 12 - errors.length, 'errors are excluded from the score');
    const perError = f.server.log.filter((r) => userText(r).includes('shares')).length / errors.length;
    assert.equal(perError, 4, 'first attempt plus 3 retries');
  } finally {
    await f.close();
  }
});

test('--retry-errors re-sends only the samples recorded as errors', async () => {
  let failing = true;
  const f = await evalFixture({
    script: (r) =>
      failing && userText(r).includes('shares') ? { kind: 'status', status: 500 } : { kind: 'ok' },
  });
  try {
    const spec = await f.newRun({ limit: 12 });
    const first = await f.execute(spec);
    assert.ok(first.summary.errors > 0);
    const errorsBefore = first.summary.errors;
    failing = false;
    const before = f.server.total();
    const again = await f.execute(spec, { retryErrors: true });
    assert.equal(f.server.total() - before, errorsBefore);
    assert.equal(again.summary.errors, 0);
    assert.equal(again.summary.samples, 12);
    const plain = await f.execute(spec);
    assert.equal(plain.requests, 0, 'a finished run sends nothing more');
  } finally {
    await f.close();
  }
});

test('responses are cached by content: a second run with the same settings sends no request', async () => {
  const f = await evalFixture();
  try {
    const a = await f.execute(await f.newRun({ samples: 2 }));
    const sent = f.server.total();
    assert.equal(sent, 40);
    const b = await f.execute(await f.newRun({ samples: 2 }));
    assert.equal(f.server.total(), sent);
    assert.equal(b.cacheHits, 40);
    assert.deepEqual(b.summary, a.summary);
    await f.execute(await f.newRun({ samples: 2, generation: { temperature: 0.5 } }));
    assert.equal(f.server.total(), sent + 40, 'another generation config is another cache key');
    await f.execute(await f.newRun({ samples: 2 }), { useCache: false });
    assert.equal(f.server.total(), sent + 80);
  } finally {
    await f.close();
  }
});

test('a finished run records its primary metric as a result beside published ones, with n and uncertainty', async () => {
  const f = await evalFixture();
  try {
    const spec = await f.newRun({ limit: 12 });
    const out = await f.execute(spec);
    const results = await f.store.results({ models: [spec.model] });
    assert.equal(results.length, 1);
    const r = results[0]!;
    assert.equal(r.source, 'run');
    assert.equal(r.runId, spec.id);
    assert.equal(r.benchmark, spec.benchmark);
    assert.equal(r.n, 12);
    assert.ok(Math.abs(r.value - out.summary.metrics[0]!.value * 100) < 1e-9);
    assert.ok(r.ciLow !== null && r.ciHigh !== null && r.ciLow <= r.value && r.value <= r.ciHigh);
    const card = (await f.store.models()).find((m) => m.id === spec.model);
    assert.equal(card?.family, 'unknown', 'a placeholder card is made for a model without one');
  } finally {
    await f.close();
  }
});

test('a resume honours a new concurrency: the execution and its provider use it, the recorded spec keeps its own', async () => {
  const fx = await evalFixture();
  try {
    const spec = await fx.newRun({ limit: 4, concurrency: 4 });
    const lifecycle = new RunLifecycle(fx.store, spec.id);
    const ex = await prepareExecution(fx.store, fx.registry, spec, lifecycle, { dataset, concurrency: 2 });
    try {
      assert.equal(ex.concurrency, 2);
      assert.equal((await fx.store.run(spec.id))?.spec.concurrency, 4);
      assert.equal((await fx.store.run(spec.id))?.status, 'running');
    } finally {
      await ex.close();
      await lifecycle.interrupt({ done: 0, total: 4, errors: 0, cached: 0 });
    }
    const outcome = await fx.execute(spec, { concurrency: 1 });
    assert.equal(outcome.status, 'finished');
    assert.equal(outcome.summary.samples, 4);
  } finally {
    await fx.close();
  }
});
