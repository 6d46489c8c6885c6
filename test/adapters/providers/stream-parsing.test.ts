import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OpenAiStream } from '../../../src/adapters/providers/openai-stream.ts';
import { SseParser } from '../../../src/adapters/providers/sse-parser.ts';

test('server-sent events are parsed across chunk boundaries, multi-byte characters and line endings included', () => {
  const p = new SseParser();
  const text = 'event: delta\ndata: {"t":"é"}\n\n: keep-alive\n\ndata: a\r\ndata: b\r\n\r\ndata: [DONE]';
  const bytes = Buffer.from(text);
  const events = [];
  // One byte at a time: every split point, including inside the two bytes of "é".
  for (let i = 0; i < bytes.length; i++) events.push(...p.push(bytes.subarray(i, i + 1)));
  events.push(...p.end());
  assert.deepEqual(events, [
    { event: 'delta', data: '{"t":"é"}' },
    { event: null, data: 'a\nb' },
    { event: null, data: '[DONE]' },
  ]);
});

test('OpenAI-compatible streams take reasoning from reasoning_content (vLLM, SGLang, DeepSeek) or reasoning (OpenRouter)', () => {
  for (const field of ['reasoning_content', 'reasoning']) {
    const s = new OpenAiStream('host');
    const ev = (data: unknown) => s.onEvent({ event: null, data: JSON.stringify(data) });
    ev({ choices: [{ index: 0, delta: { [field]: 'add ' }, finish_reason: null }] });
    ev({ choices: [{ index: 0, delta: { [field]: 'them' }, finish_reason: null }] });
    ev({ choices: [{ index: 0, delta: { content: 'The answer is 3.' }, finish_reason: 'stop' }] });
    ev({
      choices: [],
      usage: { prompt_tokens: 4, completion_tokens: 9, completion_tokens_details: { reasoning_tokens: 5 } },
    });
    s.onEvent({ event: null, data: '[DONE]' });
    assert.deepEqual(s.result(), [
      { index: 0, content: 'The answer is 3.', reasoning: 'add them', finishReason: 'stop' },
    ]);
    assert.equal(s.usage?.completion_tokens_details?.reasoning_tokens, 5);
  }
});
