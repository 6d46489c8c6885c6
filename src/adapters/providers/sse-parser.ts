import type { SseEvent } from './http-client.ts';

/**
 * Incremental server-sent events parser: bytes in, complete events out. UTF-8 sequences split across
 * chunks are kept whole; comments (": keep-alive") are skipped.
 */
export class SseParser {
  private readonly decoder = new TextDecoder('utf-8');
  private buffer = '';

  push(chunk: Uint8Array): SseEvent[] {
    this.buffer += this.decoder.decode(chunk, { stream: true });
    return this.drain(false);
  }

  /** Events left when the stream ends (a last event without its blank line). */
  end(): SseEvent[] {
    this.buffer += this.decoder.decode();
    return this.drain(true);
  }

  private drain(final: boolean): SseEvent[] {
    const out: SseEvent[] = [];
    const blocks = this.buffer.split(/\r?\n\r?\n|\r\r/);
    this.buffer = final ? '' : (blocks.pop() ?? '');
    for (const block of blocks) {
      let event: string | null = null;
      const data: string[] = [];
      for (const line of block.split(/\r?\n|\r/)) {
        if (line === '' || line.startsWith(':')) continue;
        const i = line.indexOf(':');
        const field = i < 0 ? line : line.slice(0, i);
        const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
        if (field === 'data') data.push(value);
        else if (field === 'event') event = value;
      }
      if (data.length) out.push({ event, data: data.join('\n') });
    }
    return out;
  }
}
