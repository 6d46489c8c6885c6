import { z } from 'zod';
import type { SseEvent } from './http-client.ts';
import { parseEvent } from './parse-event.ts';
import { ProviderError } from './provider-error.ts';

const Event = z
  .object({
    type: z.string(),
    index: z.number().optional(),
    message: z
      .object({ usage: z.object({ input_tokens: z.number().nullish() }).loose().nullish() })
      .loose()
      .optional(),
    content_block: z
      .object({ type: z.string(), text: z.string().optional(), thinking: z.string().optional() })
      .loose()
      .optional(),
    delta: z
      .object({
        type: z.string().optional(),
        text: z.string().optional(),
        thinking: z.string().optional(),
        stop_reason: z.string().nullish(),
      })
      .loose()
      .optional(),
    usage: z.object({ output_tokens: z.number().nullish() }).loose().nullish(),
    error: z.object({ type: z.string().optional(), message: z.string().optional() }).loose().optional(),
  })
  .loose();

/**
 * Assembles an Anthropic Messages event stream: text blocks are the answer, thinking blocks the
 * reasoning. The stream must reach `message_stop`; an `error` event (e.g. overloaded) fails the request.
 */
export class AnthropicStream {
  private readonly blocks = new Map<number, { type: string; text: string }>();
  inputTokens: number | null = null;
  outputTokens: number | null = null;
  stopReason: string | null = null;
  private stopped = false;
  private readonly host: string;

  constructor(host: string) {
    this.host = host;
  }

  onEvent = (e: SseEvent): void => {
    const ev = parseEvent(e, Event, this.host);
    switch (ev.type) {
      case 'message_start':
        this.inputTokens = ev.message?.usage?.input_tokens ?? null;
        return;
      case 'content_block_start': {
        const b = ev.content_block;
        this.blocks.set(ev.index ?? this.blocks.size, {
          type: b?.type ?? 'text',
          text: b?.text ?? b?.thinking ?? '',
        });
        return;
      }
      case 'content_block_delta': {
        const block = this.blocks.get(ev.index ?? 0);
        if (!block) throw new ProviderError('malformed', `${this.host} sent a delta for no content block`);
        block.text += ev.delta?.text ?? ev.delta?.thinking ?? '';
        return;
      }
      case 'message_delta':
        if (ev.delta?.stop_reason) this.stopReason = ev.delta.stop_reason;
        if (ev.usage?.output_tokens !== undefined) this.outputTokens = ev.usage.output_tokens ?? null;
        return;
      case 'message_stop':
        this.stopped = true;
        return;
      case 'error': {
        const kind = ev.error?.type === 'overloaded_error' || ev.error?.type === 'rate_limit_error';
        throw new ProviderError(
          kind ? 'rate-limited' : 'server',
          `${this.host} reported an error mid-stream: ${ev.error?.type ?? 'error'}`,
        );
      }
      default:
    }
  };

  /** The answer text and the thinking, once the stream has ended. */
  result(): { text: string; thinking: string } {
    if (!this.stopped)
      throw new ProviderError('network', `${this.host}: the event stream ended before the answer did`);
    const of = (type: string) =>
      [...this.blocks.entries()]
        .sort(([a], [b]) => a - b)
        .filter(([, b]) => b.type === type)
        .map(([, b]) => b.text);
    return { text: of('text').join(''), thinking: of('thinking').join('\n') };
  }
}
