import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  failed,
  initialLimit,
  rateLimited,
  started,
  succeeded,
  waitBeforeStart,
} from '../../../src/core/engine/adaptive-limit.ts';
import { backoffDelay } from '../../../src/core/engine/backoff.ts';
import { cacheKey } from '../../../src/core/engine/cache-key.ts';
import { meanScore } from '../../../src/core/metrics/accuracy.ts';
import { modelSlug, parseModelSpec } from '../../../src/core/engine/model-spec.ts';
import { formatDuration, progressRates } from '../../../src/core/engine/progress-math.ts';
import { parseRetryAfter } from '../../../src/core/engine/retry-after.ts';
import { sampleSeed } from '../../../src/core/engine/sample-seed.ts';
import { splitReasoning } from '../../../src/core/engine/split-reasoning.ts';
import { stableJson } from '../../../src/core/format/stable-json.ts';
import { summarizeSamples } from '../../../src/core/engine/summarize-samples.ts';
import { GenerationConfig } from '../../../src/core/schema/run-spec.ts';

const parts = {
  provider: 'openai-chat',
  endpoint: 'http://h/v1',
  model: 'm',
  taskArgs: { prompt: 'zero-shot-cot', seed: 0 },
  messages: [{ role: 'user' as const, content: 'hi' }],
  generation: GenerationConfig.parse({ extraBody: { b: 1, a: 2 } }),
  sampleIndex: 0,
  seed: 1,
};

test('stable JSON sorts keys at every level and drops undefined fields', () => {
  assert.equal(
    stableJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } }),
    '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
  );
});

test('the cache key depends on content, not key order, and changes with any part', () => {
  const k = cacheKey(parts);
  assert.match(k, /^[0-9a-f]{64}$/);
  assert.equal(cacheKey({ ...parts, generation: GenerationConfig.parse({ extraBody: { a: 2, b: 1 } }) }), k);
  for (const other of [
    { ...parts, sampleIndex: 1 },
    { ...parts, seed: 2 },
    { ...parts, model: 'n' },
    { ...parts, endpoint: 'http://x/v1' },
    { ...parts, provider: 'anthropic' },
    { ...parts, taskArgs: { prompt: '8-shot-cot', seed: 0 } },
    { ...parts, taskArgs: { prompt: 'zero-shot-cot', seed: 0, file: '/data/gsm8k.jsonl' } },
    { ...parts, messages: [{ role: 'user' as const, content: 'hi!' }] },
    { ...parts, generation: GenerationConfig.parse({ temperature: 0.1 }) },
  ]) {
    assert.notEqual(cacheKey(other), k);
  }
});

test('sample seeds are deterministic, non-negative and differ across items and indexes', () => {
  assert.equal(sampleSeed(0, 'q1', 0), sampleSeed(0, 'q1', 0));
  const seeds = new Set<number>();
  for (let i = 0; i < 200; i++) for (let k = 0; k < 5; k++) seeds.add(sampleSeed(7, `q${i}`, k));
  assert.equal(seeds.size, 1000);
  assert.notEqual(sampleSeed(1, 'q1', 0), sampleSeed(2, 'q1', 0));
  for (const s of seeds) assert.ok(s >= 0 && s < 2 ** 31);
});

test('backoff grows exponentially with jitter and is capped', () => {
  const policy = { baseMs: 100, maxMs: 1000, maxRetries: 5 };
  assert.equal(backoffDelay(0, 0, policy), 50);
  assert.equal(backoffDelay(0, 1, policy), 100);
  assert.equal(backoffDelay(2, 1, policy), 400);
  assert.equal(backoffDelay(10, 1, policy), 1000);
  assert.ok(backoffDelay(3, 0.5, policy) >= 400 && backoffDelay(3, 0.5, policy) <= 800);
});

test('Retry-After is read as seconds or an HTTP date', () => {
  assert.equal(parseRetryAfter('2', 0), 2000);
  assert.equal(parseRetryAfter('0.5', 0), 500);
  assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4000), 6000);
  assert.equal(parseRetryAfter(undefined, 0), null);
  assert.equal(parseRetryAfter('soon', 0), null);
});

test('the adaptive limit halves on 429, pauses until Retry-After, and recovers one step per run of successes', () => {
  let s = initialLimit(8, 2);
  for (let i = 0; i < 8; i++) s = started(s);
  assert.equal(waitBeforeStart(s, 0), Number.POSITIVE_INFINITY);
  s = rateLimited(s, 1000, 500);
  assert.equal(s.limit, 4);
  assert.equal(waitBeforeStart(s, 1200), 300);
  for (let i = 0; i < 7; i++) s = succeeded(s);
  assert.equal(s.limit, 4, 'requests sent before the 429 do not count towards recovery');
  assert.equal(waitBeforeStart(s, 1500), 0);
  s = succeeded(started(s));
  s = succeeded(started(s));
  assert.equal(s.limit, 5);
  s = failed(started(s));
  assert.equal(s.inFlight, 0);
  let low = initialLimit(1);
  low = rateLimited(started(low), 0, null);
  assert.equal(low.limit, 1);
  assert.equal(waitBeforeStart(low, 0), 1000);
});

test('reasoning is split from <think> blocks and reasoning fields', () => {
  assert.deepEqual(splitReasoning('<think>a</think>\n\nB'), { text: 'B', reasoning: 'a' });
  assert.deepEqual(splitReasoning('B', 'r'), { text: 'B', reasoning: 'r' });
  assert.deepEqual(splitReasoning('<think>unfinished'), {
    text: '',
    reasoning: 'unfinished',
    unclosed: true,
  });
  assert.deepEqual(splitReasoning('r1 trace</think>\n\nB'), { text: 'B', reasoning: 'r1 trace' });
  assert.deepEqual(splitReasoning('plain <think>x</think>'), {
    text: 'plain <think>x</think>',
    reasoning: null,
  });
});

test('progress rates and ETA follow the samples completed in this execution', () => {
  const r = progressRates(
    { done: 50, resumed: 10, total: 150, errors: 0, cached: 0, requests: 40, tokens: 400 },
    10_000,
  );
  assert.equal(r.requestsPerSec, 4);
  assert.equal(r.tokensPerSec, 40);
  assert.equal(r.etaSec, 25, 'samples recorded before a resume do not count towards the rate');
  assert.equal(
    progressRates({ done: 0, resumed: 0, total: 5, errors: 0, cached: 0, requests: 0, tokens: 0 }, 100)
      .etaSec,
    null,
  );
  assert.equal(formatDuration(3723), '1:02:03');
  assert.equal(formatDuration(7), '0:07');
});

test('model specs name the provider, its args and a slug; keys are referred to by variable name only', () => {
  assert.deepEqual(parseModelSpec('openai:Qwen/Qwen3-8B@http://127.0.0.1:8000/v1/'), {
    provider: 'openai-chat',
    args: { model: 'Qwen/Qwen3-8B', baseUrl: 'http://127.0.0.1:8000/v1', apiKeyEnv: 'OPENAI_API_KEY' },
    slug: 'qwen-qwen3-8b',
  });
  assert.equal(parseModelSpec('anthropic:claude-x', 'MY_KEY').args.apiKeyEnv, 'MY_KEY');
  assert.equal(parseModelSpec('openai-completions:m@http://h/v1').provider, 'openai-completions');
  assert.deepEqual(parseModelSpec('gguf:/m/Tiny.Q4.gguf'), {
    provider: 'llama-cpp',
    args: { model: '/m/Tiny.Q4.gguf' },
    slug: 'tiny.q4',
  });
  assert.equal(parseModelSpec('hf:org/repo/f.gguf').args.model, 'hf:org/repo/f.gguf');
  assert.throws(() => parseModelSpec('nope:m'), /unknown provider "nope"/);
  assert.throws(() => parseModelSpec('hf:org/f.gguf'), /ORG\/REPO\/FILE/);
  assert.equal(modelSlug('___'), 'model');
});

test('accuracy averages samples per item first; error samples are excluded from the score', () => {
  const s = (
    itemId: string,
    value: number | null,
    verdict: 'correct' | 'incorrect' | 'error' = value ? 'correct' : 'incorrect',
  ) => ({
    itemId,
    sampleIndex: 0,
    verdict,
    value,
    extracted: null,
  });
  const m = meanScore('accuracy')([s('a', 1), s('a', 0), s('b', 1), s('b', 1)]);
  assert.equal(m.value, 0.75);
  assert.equal(m.n, 2);
  assert.equal(m.k, 2);
  const summary = summarizeSamples([s('a', 1), s('b', null, 'error'), s('c', 0)], [meanScore('accuracy')]);
  assert.equal(summary.errors, 1);
  assert.equal(summary.scored, 2);
  assert.equal(summary.metrics[0]?.value, 0.5);
});
