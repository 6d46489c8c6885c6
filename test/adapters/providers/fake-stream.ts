import type http from 'node:http';

/** How a streamed answer is sent (every timing configurable, so tests use short intervals). */
export interface StreamShape {
  /** Reasoning streamed before the answer, as a field (reasoning_content / thinking blocks) or inline <think>. */
  reasoning?: string;
  inlineThink?: boolean;
  /** Keep streaming reasoning chunks for this long before the answer. */
  thinkMs?: number;
  /** Gap between chunks. */
  chunkMs?: number;
  /** Stop sending after this many chunks and hold the connection open (a stall), or cut it. */
  stallAfter?: number;
  cutAfter?: number;
  /** The finish reason sent ("stop" or "length"; Anthropic names are derived). */
  finish?: string;
  /** Leave out [DONE] / message_stop and the finish reason. */
  noEnd?: boolean;
  /** Send an error event after the first chunk. */
  errorEvent?: boolean;
  /** Send an event that is not JSON. */
  garbage?: boolean;
  /** Stream this many bytes of padding events (never held in memory whole). */
  hugeBytes?: number;
}

type Api = 'chat' | 'completions' | 'messages';

function apiOf(path: string): Api {
  if (path.endsWith('/messages')) return 'messages';
  return path.endsWith('/chat/completions') ? 'chat' : 'completions';
}

const sse = (data: unknown, event?: string) =>
  `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

function openAiChunk(api: Api, delta: { content?: string; reasoning?: string }, finish: string | null) {
  if (api === 'completions')
    return { choices: [{ index: 0, text: delta.content ?? '', finish_reason: finish }] };
  const d: Record<string, string> = {};
  if (delta.content !== undefined) d.content = delta.content;
  if (delta.reasoning !== undefined) d.reasoning_content = delta.reasoning;
  return { choices: [{ index: 0, delta: d, finish_reason: finish }] };
}

/** The events of one answer, in order, as a generator (so a huge stream is produced lazily). */
function* events(path: string, text: string, s: StreamShape, promptTokens: number): Generator<string> {
  const api = apiOf(path);
  const finish = s.finish ?? 'stop';
  const words = (t: string) => t.match(/\S+\s*|\s+/g) ?? [];
  if (api === 'messages') {
    yield sse({ type: 'message_start', message: { usage: { input_tokens: promptTokens } } }, 'message_start');
    let block = 0;
    if (s.reasoning) {
      yield sse({ type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } });
      for (const w of words(s.reasoning))
        yield sse({ type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: w } });
      yield 'THINK-LOOP';
      yield sse({ type: 'content_block_stop', index: 0 });
      block = 1;
    }
    yield sse({ type: 'content_block_start', index: block, content_block: { type: 'text', text: '' } });
    for (const w of words(text))
      yield sse({ type: 'content_block_delta', index: block, delta: { type: 'text_delta', text: w } });
    yield sse({ type: 'content_block_stop', index: block });
    if (s.noEnd) return;
    yield sse({
      type: 'message_delta',
      delta: { stop_reason: finish === 'length' ? 'max_tokens' : 'end_turn' },
      usage: { output_tokens: 5 },
    });
    yield sse({ type: 'message_stop' });
    return;
  }
  const inline = s.inlineThink || api === 'completions';
  if (s.reasoning && inline) {
    yield sse(openAiChunk(api, { content: '<think>' }, null));
    for (const w of words(s.reasoning)) yield sse(openAiChunk(api, { content: w }, null));
    yield 'THINK-LOOP';
    yield sse(openAiChunk(api, { content: '</think>\n' }, null));
  } else if (s.reasoning) {
    for (const w of words(s.reasoning)) yield sse(openAiChunk(api, { reasoning: w }, null));
    yield 'THINK-LOOP';
  }
  for (const w of words(text)) yield sse(openAiChunk(api, { content: w }, null));
  if (s.noEnd) return;
  yield sse(openAiChunk(api, {}, finish));
  yield sse({
    choices: [],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: 5,
      total_tokens: promptTokens + 5,
      completion_tokens_details: { reasoning_tokens: s.reasoning ? 3 : 0 },
    },
  });
  yield sse('[DONE]');
}

/**
 * Streams one answer as server-sent events in the shape of the API the path names, with the faults
 * and timings of `s`. Returns when the stream is over (or left stalled).
 */
export function streamAnswer(
  path: string,
  res: http.ServerResponse,
  text: string,
  s: StreamShape,
  promptTokens = 11,
): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const api = apiOf(path);
  const it = events(path, text, s, promptTokens);
  const thinkUntil = s.thinkMs ? Date.now() + s.thinkMs : 0;
  let sent = 0;
  let huge = s.hugeBytes ?? 0;
  let looping = false;
  const hmm =
    api === 'messages'
      ? sse({ type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: ' hmm' } })
      : sse(
          openAiChunk(
            api,
            s.inlineThink || api === 'completions' ? { content: ' hmm' } : { reasoning: ' hmm' },
            null,
          ),
        );
  const pad = sse({ type: 'ping', choices: [], pad: 'x'.repeat(64 * 1024) });
  const step = () => {
    if (res.destroyed) return;
    if (s.stallAfter !== undefined && sent >= s.stallAfter) return; // hold the connection, send nothing
    if (s.cutAfter !== undefined && sent >= s.cutAfter) {
      res.socket?.destroy();
      return;
    }
    if (s.errorEvent && sent === 1) {
      res.end(
        api === 'messages'
          ? sse({ type: 'error', error: { type: 'api_error', message: 'boom' } }, 'error')
          : sse({ error: { message: 'boom' } }),
      );
      return;
    }
    if (s.garbage && sent === 1) {
      res.end('data: {not json\n\n');
      return;
    }
    if (huge > 0) {
      huge -= pad.length;
      sent++;
      // Write while the socket accepts, then wait for it to drain: the body is never held whole.
      if (res.write(pad)) setImmediate(step);
      else res.once('drain', step);
      return;
    }
    if (looping && Date.now() < thinkUntil) {
      res.write(hmm);
      sent++;
      setTimeout(step, s.chunkMs ?? 10);
      return;
    }
    looping = false;
    const next = it.next();
    if (next.done) {
      res.end();
      return;
    }
    const chunk = next.value;
    if (chunk === 'THINK-LOOP') {
      looping = true;
      setImmediate(step);
      return;
    }
    res.write(chunk);
    sent++;
    // Without a gap the whole answer goes out in one go (the events still arrive as separate chunks
    // when the socket splits them); a gap spaces them out.
    if (s.chunkMs) setTimeout(step, s.chunkMs);
    else step();
  };
  step();
}
