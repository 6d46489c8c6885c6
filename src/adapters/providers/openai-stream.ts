import { z } from 'zod';
import type { SseEvent } from './http-client.ts';
import { parseEvent } from './parse-event.ts';
import { ProviderError } from './provider-error.ts';

export const OpenAiUsage = z
  .object({
    prompt_tokens: z.number().nullish(),
    completion_tokens: z.number().nullish(),
    completion_tokens_details: z.object({ reasoning_tokens: z.number().nullish() }).loose().nullish(),
  })
  .loose()
  .nullish();
export type OpenAiUsage = z.infer<typeof OpenAiUsage>;

const Chunk = z
  .object({
    choices: z
      .array(
        z
          .object({
            index: z.number().optional(),
            delta: z
              .object({
                content: z.string().nullish(),
                reasoning_content: z.string().nullish(),
                reasoning: z.string().nullish(),
              })
              .loose()
              .nullish(),
            text: z.string().nullish(),
            finish_reason: z.string().nullish(),
          })
          .loose(),
      )
      .nullish(),
    usage: OpenAiUsage,
    error: z.unknown().optional(),
  })
  .loose();

/** One choice as assembled from its deltas. */
export interface StreamedChoice {
  index: number;
  content: string;
  reasoning: string;
  finishReason: string | null;
}

/**
 * Assembles an OpenAI-compatible event stream (chat deltas or completion text) into choices and usage.
 * The stream must end with `[DONE]` or with a finish reason on every choice; one that stops before is
 * cut short, and an error event fails the request.
 */
export class OpenAiStream {
  private readonly choices = new Map<number, StreamedChoice>();
  usage: OpenAiUsage = null;
  private done = false;
  private readonly host: string;

  constructor(host: string) {
    this.host = host;
  }

  onEvent = (e: SseEvent): void => {
    if (e.data.trim() === '[DONE]') {
      this.done = true;
      return;
    }
    const chunk = parseEvent(e, Chunk, this.host);
    if (chunk.error !== undefined || e.event === 'error') {
      const message = (chunk.error as { message?: unknown } | undefined)?.message;
      throw new ProviderError(
        'server',
        `${this.host} reported an error mid-stream${typeof message === 'string' ? `: ${message.slice(0, 200)}` : ''}`,
      );
    }
    if (chunk.usage) this.usage = chunk.usage;
    for (const c of chunk.choices ?? []) {
      const index = c.index ?? 0;
      let choice = this.choices.get(index);
      if (!choice) {
        choice = { index, content: '', reasoning: '', finishReason: null };
        this.choices.set(index, choice);
      }
      choice.content += c.delta?.content ?? c.text ?? '';
      choice.reasoning += c.delta?.reasoning_content ?? c.delta?.reasoning ?? '';
      if (c.finish_reason) choice.finishReason = c.finish_reason;
    }
  };

  /** The choices in index order, once the stream has ended. */
  result(): StreamedChoice[] {
    const choices = [...this.choices.values()].sort((a, b) => a.index - b.index);
    if (!this.done && (choices.length === 0 || choices.some((c) => c.finishReason === null))) {
      throw new ProviderError('network', `${this.host}: the event stream ended before the answer did`);
    }
    return choices;
  }
}
