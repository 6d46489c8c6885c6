import assert from 'node:assert/strict';
import { test } from 'node:test';
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
