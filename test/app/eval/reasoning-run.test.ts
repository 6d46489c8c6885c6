import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { test } from 'node:test';
import { truncationRate, truncationWarning } from '../../../src/core/engine/truncation.ts';
import { defaultAnswer } from '../../adapters/providers/fake-model-server.ts';
import { collect, evalFixture } from './eval-fixture.ts';

// Timings are short and configurable: the fake server thinks for THINK_MS in 100 ms chunks, well past
// the 1 s idle timeout (which leaves room for a loaded machine between chunks). There is no total
// timeout. bench/long-thinking.bench.ts runs the same with 3 minutes.
const THINK_MS = Number(process.env.YARDSTICK_TEST_THINK_MS ?? 3000);
const streaming = { timeoutMs: undefined, providerArgs: { idleTimeoutMs: 1000 } };

test('a streamed answer that thinks far longer than the idle timeout is one request, reasoning stored apart, answer scored', async () => {
  const f = await evalFixture({
    script: () => ({ kind: 'stream', reasoning: 'Let me work it out.', thinkMs: THINK_MS, chunkMs: 100 }),
  });
  try {
    const spec = await f.newRun({ limit: 2, concurrency: 2, ...streaming });
    const out = await f.execute(spec);
    assert.equal(out.summary.errors, 0);
    assert.equal(f.server.total(), 2, 'one request per sample');
    for (const s of await collect(f.store.samples(spec.id))) {
      assert.match(s.response ?? '', /^Let me think\. The answer is \d+\.$/);
      assert.match(s.reasoning ?? '', /^Let me work it out\.( hmm)+$/);
      assert.equal(s.finishReason, 'stop');
      assert.notEqual(s.verdict, 'error');
      assert.ok(s.extracted !== null && !s.response?.includes('hmm'));
      assert.equal(s.reasoningTokens, 3);
    }
    assert.equal(spec.effectiveGeneration?.stream, true);
    assert.equal((spec.effectiveGeneration!.timeouts as { totalMs: unknown }).totalMs, null);
  } finally {
    await f.close();
  }
});

test('a stream that stalls longer than the idle timeout is retried, and its partial output is never scored', async () => {
  const f = await evalFixture({
    script: (r) =>
      r.attempt === 1 || (r.body.seed as number) % 2 === 1
        ? { kind: 'stream', text: 'The answer is 12345 and', stallAfter: 3 }
        : { kind: 'stream' },
  });
  try {
    const spec = await f.newRun({ limit: 6, ...streaming });
    await f.execute(spec);
    const samples = await collect(f.store.samples(spec.id));
    for (const s of samples) {
      assert.ok(!s.response?.includes('12345'), 'a partial answer was recorded');
      if (s.verdict === 'error') {
        assert.match(s.error ?? '', /idle timeout/);
        assert.equal(s.score, null);
        assert.equal(s.finishReason, 'error');
      } else assert.match(s.response ?? '', /^Let me think/);
    }
    const errors = samples.filter((s) => s.verdict === 'error').length;
    assert.ok(errors > 0 && errors < 6, `${errors} errors`);
    // A stalled sample is sent once plus 3 retries (the fixture's budget), a recovered one twice.
    assert.equal(f.server.total(), errors * 4 + (6 - errors) * 2);
  } finally {
    await f.close();
  }
});

test('a run with max tokens 64 against long answers shows its truncation rate and warns; finish reason is in each sample', async () => {
  const f = await evalFixture({
    script: (r) =>
      (r.body.seed as number) % 4 === 0
        ? { kind: 'stream', text: 'The answer is 7.' }
        : { kind: 'stream', text: 'First, a very long derivation that goes on', finish: 'length' },
  });
  try {
    const spec = await f.newRun({ limit: 12, generation: { maxTokens: 64 }, ...streaming });
    assert.equal(spec.effectiveGeneration?.max_tokens, 64);
    assert.equal(f.server.log.length, 0);
    const out = await f.execute(spec);
    assert.ok(f.server.log.every((r) => r.body.max_tokens === 64));
    const samples = await collect(f.store.samples(spec.id));
    const truncated = samples.filter((s) => s.finishReason === 'length');
    assert.ok(truncated.length > 0 && truncated.length < 12);
    assert.ok(samples.every((s) => s.finishReason === 'length' || s.finishReason === 'stop'));
    assert.ok(
      truncated.every((s) => s.verdict !== 'correct' && s.verdict !== 'error'),
      'truncated samples are scored',
    );
    const usage = out.usage!;
    assert.equal(usage.finishReasons.length, truncated.length);
    assert.equal(truncationRate(usage), truncated.length / 12);
    const warning = truncationWarning(spec.id, 64, usage);
    assert.match(warning ?? '', /hit the generation budget of 64 tokens.*--max-tokens/);
  } finally {
    await f.close();
  }
});

test('thinking that never closes is recorded as no answer, never scored on its trace; a lone </think> ends the reasoning', async () => {
  const f = await evalFixture({
    script: (r) =>
      (r.body.seed as number) % 2 === 0
        ? { kind: 'stream', text: '<think>The answer is 5. Hmm, wait', finish: 'length' }
        : { kind: 'stream', text: `maybe 5</think>\n\n${defaultAnswer(r)}` },
  });
  try {
    const spec = await f.newRun({ limit: 10, ...streaming });
    await f.execute(spec);
    const samples = await collect(f.store.samples(spec.id));
    const unclosed = samples.filter((s) => s.reasoning?.startsWith('The answer is 5'));
    const closed = samples.filter((s) => s.reasoning === 'maybe 5');
    assert.equal(unclosed.length + closed.length, 10);
    assert.ok(unclosed.length > 0 && closed.length > 0);
    for (const s of unclosed) {
      assert.equal(s.verdict, 'no-answer');
      assert.equal(s.extracted, null);
      assert.equal(s.response, '');
      assert.equal(s.finishReason, 'length');
    }
    for (const s of closed) {
      assert.match(s.response ?? '', /^Let me think/);
      assert.notEqual(s.extracted, '5');
    }
  } finally {
    await f.close();
  }
});

test('an empty completion is retried, then recorded as an error: never scored, never cached', async () => {
  const f = await evalFixture({ script: () => ({ kind: 'empty', variant: 'null' }) });
  try {
    const spec = await f.newRun({ limit: 3 });
    const out = await f.execute(spec);
    assert.equal(out.summary.errors, 3);
    assert.equal(out.summary.scored, 0);
    for (const s of await collect(f.store.samples(spec.id))) assert.match(s.error ?? '', /empty completion/);
    const raw = new DatabaseSync(join(f.dir, 'store.db'));
    const cached = raw.prepare('select count(*) as n from responses').get() as { n: number };
    raw.close();
    assert.equal(cached.n, 0);
  } finally {
    await f.close();
  }
});

test('a Retry-After beyond the cap is waited for only up to the cap, and the run says it is waiting', async () => {
  const f = await evalFixture({
    script: (r) => (r.attempt === 1 ? { kind: 'status', status: 429, retryAfter: '86400' } : { kind: 'ok' }),
  });
  try {
    const spec = await f.newRun({ limit: 2, concurrency: 1, requestLimits: { maxRetryAfterMs: 1200 } });
    assert.equal(spec.requestLimits.maxRetryAfterMs, 1200);
    const notices: string[] = [];
    const out = await f.execute(spec, {
      onProgress: (c) => {
        if (c.waiting) notices.push(c.waiting.reason);
      },
    });
    assert.equal(out.status, 'finished');
    assert.equal(out.summary.errors, 0);
    assert.ok(
      notices.some((n) => /HTTP 429/.test(n)),
      `notices: ${notices.join('; ')}`,
    );
  } finally {
    await f.close();
  }
});
