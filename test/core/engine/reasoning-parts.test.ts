import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimateCost } from '../../../src/core/engine/cost.ts';
import { normalizeFinishReason } from '../../../src/core/engine/finish-reason.ts';
import { RateWindow } from '../../../src/core/engine/rate-window.ts';
import { tokenSplit, truncationRate, truncationWarning } from '../../../src/core/engine/truncation.ts';

test('finish reasons of every provider map to stop, length, content_filter or error', () => {
  const cases: [string | null, string | null][] = [
    ['stop', 'stop'],
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['eogToken', 'stop'],
    ['length', 'length'],
    ['max_tokens', 'length'],
    ['maxTokens', 'length'],
    ['content_filter', 'content_filter'],
    ['refusal', 'content_filter'],
    ['abort', 'error'],
    [null, null],
    ['', null],
  ];
  for (const [raw, want] of cases) assert.equal(normalizeFinishReason(raw), want, String(raw));
});

test('the rate window holds a request back until the oldest start or token use leaves the minute', () => {
  const rpm = new RateWindow({ rpm: 2, tpm: null });
  rpm.started(0);
  rpm.started(10_000);
  assert.deepEqual(rpm.wait(20_000), { ms: 40_000, limit: 'rpm' });
  assert.deepEqual(rpm.wait(60_000), { ms: 0, limit: null });
  const tpm = new RateWindow({ rpm: null, tpm: 100 });
  tpm.used(60, 0);
  assert.equal(tpm.wait(1000).ms, 0);
  tpm.used(50, 5_000);
  assert.deepEqual(tpm.wait(10_000), { ms: 50_000, limit: 'tpm' });
  assert.equal(tpm.wait(60_001).ms, 0);
  const none = new RateWindow({ rpm: null, tpm: null });
  for (let i = 0; i < 1000; i++) none.started(i);
  assert.equal(none.wait(1000).ms, 0);
});

test('truncation rate counts length among answered samples; the warning starts above 1% and names --max-tokens', () => {
  const u = (length: number, stop: number, error = 0) => ({
    samples: length + stop + error,
    finishReasons: { length, stop, error },
    promptTokens: 100,
    completionTokens: 50,
    reasoningTokens: 20,
  });
  assert.equal(truncationRate(u(1, 99, 10)), 0.01);
  assert.equal(truncationWarning('run', 64, u(1, 99)), null);
  assert.match(
    truncationWarning('run', 64, u(2, 98)) ?? '',
    /2\.0% of samples \(2\).*64 tokens.*--max-tokens/,
  );
  assert.equal(truncationRate({ ...u(0, 0), samples: 0 }), 0);
  assert.deepEqual(tokenSplit(u(0, 1)), { prompt: 100, reasoning: 20, answer: 30 });
});

test('the cost estimate prices prompt and generated tokens per million, by model id or provider model name', () => {
  const u = {
    samples: 1,
    finishReasons: {},
    promptTokens: 2_000_000,
    completionTokens: 1_000_000,
    reasoningTokens: 0,
  };
  const table = { 'qwen3-8b': { input: 0.5, output: 2 } };
  assert.equal(estimateCost(u, table, 'qwen3-8b'), 3);
  assert.equal(estimateCost(u, table, 'other', 'qwen3-8b'), 3);
  assert.equal(estimateCost(u, table, 'other'), null);
  assert.equal(estimateCost(u, null, 'qwen3-8b'), null);
});
