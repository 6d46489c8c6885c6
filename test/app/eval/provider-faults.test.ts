import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Action, ReceivedRequest } from '../../adapters/providers/fake-model-server.ts';
import { collect, evalFixture } from './eval-fixture.ts';

/**
 * Provider faults, each sent once (transient) or on every attempt (persistent), against the
 * OpenAI-compatible and Anthropic providers through the real eval path. Nothing may be scored on a
 * faulty response: a transient fault ends with the verdict the clean answer gets, a persistent one
 * with a recorded error, and the run ends.
 */
const FAULTS: Record<string, Action> = {
  '429 with Retry-After': { kind: 'status', status: 429, retryAfter: '0' },
  '429 with Retry-After 86400 (capped)': { kind: 'status', status: 429, retryAfter: '86400' },
  '500': { kind: 'status', status: 500 },
  '502': { kind: 'status', status: 502 },
  '503': { kind: 'status', status: 503 },
  '529 overloaded': { kind: 'status', status: 529 },
  '408': { kind: 'status', status: 408 },
  'connection reset': { kind: 'reset' },
  'JSON body cut short': { kind: 'truncate' },
  'malformed JSON': { kind: 'malformed' },
  'no first token in time': { kind: 'slow', delayMs: 5000 },
  'stream stalls mid-answer': { kind: 'stream', text: 'The answer is 99999', stallAfter: 2 },
  'stream cut mid-answer': { kind: 'stream', text: 'The answer is 99999', cutAfter: 2 },
  'stream ends without finishing': { kind: 'stream', text: 'The answer is 99999', noEnd: true },
  'error event mid-stream': { kind: 'stream', errorEvent: true },
  'event that is not JSON': { kind: 'stream', garbage: true },
  'content null': { kind: 'empty', variant: 'null' },
  'content []': { kind: 'empty', variant: 'array' },
  'no choices': { kind: 'empty', variant: 'no-choices' },
  'empty text': { kind: 'empty', variant: 'empty-string' },
  'JSON body over the size limit': { kind: 'huge-json', bytes: 4 * 2 ** 20 },
  'event stream over the size limit': { kind: 'stream', hugeBytes: 4 * 2 ** 20 },
};
const KINDS = Object.keys(FAULTS);

const userText = (r: ReceivedRequest) => {
  const m = r.body.messages as { role: string; content: string }[] | undefined;
  return m?.find((x) => x.role === 'user')?.content ?? '';
};

const PROVIDERS = {
  'OpenAI-compatible chat': (url: string) => `openai:fake@${url}`,
  Anthropic: (url: string) => `anthropic:fake@${url}`,
};

for (const [providerName, modelOf] of Object.entries(PROVIDERS)) {
  describe(`provider faults: ${providerName}`, () => {
    for (const mode of ['transient', 'persistent'] as const) {
      test(`${KINDS.length} fault kinds, ${mode}: nothing scored on a faulty response, every sample a verdict or a recorded error`, async () => {
        // Each item gets one fault kind, in order of first arrival: every kind is hit by two items.
        const kindOf = new Map<string, string>();
        const f = await evalFixture({
          script: (r) => {
            const text = userText(r);
            if (!kindOf.has(text)) kindOf.set(text, KINDS[kindOf.size % KINDS.length]!);
            if (mode === 'transient' && r.attempt > 1) return { kind: 'ok' };
            return FAULTS[kindOf.get(text)!]!;
          },
        });
        try {
          const settings = {
            model: modelOf(f.server.url),
            limit: KINDS.length * 2,
            concurrency: 11,
            timeoutMs: undefined,
            // 1 s: short, with room for a loaded machine on the healthy answers.
            providerArgs: { firstTokenTimeoutMs: 1000, idleTimeoutMs: 1000, maxBodyBytes: 2 ** 20 },
            requestLimits: { maxRetryAfterMs: 20 },
          };
          const spec = await f.newRun(settings);
          const out = await f.execute(spec, {
            scheduler: { backoff: { baseMs: 1, maxMs: 5, maxRetries: 2 }, maxRateLimited: 3 },
            // Every answer is a fault on purpose: the circuit breaker would rightly stop the run.
            breaker: { maxConsecutive: Number.POSITIVE_INFINITY, maxErrorRate: 1 },
          });
          assert.equal(out.status, 'finished');
          const samples = await collect(f.store.samples(spec.id));
          assert.equal(samples.length, KINDS.length * 2);
          assert.equal(new Set(kindOf.values()).size, KINDS.length, 'every fault kind was sent');
          for (const s of samples) {
            assert.ok(!s.response?.includes('99999'), `a partial answer was recorded: ${s.itemId}`);
            if (mode === 'persistent') {
              assert.equal(s.verdict, 'error', `${s.itemId} was scored on a faulty response`);
              assert.equal(s.score, null);
              assert.ok(s.error && s.error.length > 0);
              assert.equal(s.finishReason, 'error');
            } else {
              assert.notEqual(s.verdict, 'error', `${s.itemId}: ${s.error}`);
              assert.match(s.response ?? '', /^Let me think\. The answer is \d+\.$/);
            }
          }
          // A transient fault leaves the verdict the clean answer gets.
          if (mode === 'transient') {
            const g = await evalFixture();
            try {
              const clean = await g.newRun({ ...settings, model: modelOf(g.server.url) });
              await g.execute(clean);
              const want = new Map(
                (await collect(g.store.samples(clean.id))).map((s) => [s.itemId, [s.verdict, s.extracted]]),
              );
              for (const s of samples)
                assert.deepEqual([s.verdict, s.extracted], want.get(s.itemId), s.itemId);
            } finally {
              await g.close();
            }
          }
        } finally {
          await f.close();
        }
      });
    }
  });
}

test('a 600 MiB response body is an error for its sample, read up to the limit without holding it', async () => {
  const f = await evalFixture({ script: () => ({ kind: 'huge-json', bytes: 600 * 2 ** 20 }) });
  try {
    const before = process.memoryUsage().rss;
    const spec = await f.newRun({ limit: 1, concurrency: 1 });
    assert.equal(spec.effectiveGeneration?.maxBodyBytes, 32 * 2 ** 20, 'the default limit is 32 MiB');
    const out = await f.execute(spec, { scheduler: { backoff: { baseMs: 1, maxMs: 5, maxRetries: 0 } } });
    const [s] = await collect(f.store.samples(spec.id));
    assert.equal(out.summary.errors, 1);
    assert.match(s!.error ?? '', /larger than 32 MiB/);
    const grown = (process.memoryUsage().rss - before) / 2 ** 20;
    assert.ok(grown < 300, `memory grew by ${grown.toFixed(0)} MiB`);
  } finally {
    await f.close();
  }
});
