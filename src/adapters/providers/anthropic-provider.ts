import { z } from 'zod';
import { splitReasoning } from '../../core/engine/split-reasoning.ts';
import type { GenerationConfig } from '../../core/schema/run-spec.ts';
import { AnthropicStream } from './anthropic-stream.ts';
import { checkedCompletions } from './checked-completions.ts';
import { HttpClient } from './http-client.ts';
import { HttpArgs, timeoutsOf } from './http-timeouts.ts';
import type { GenerateRequest, Generation, Provider } from './provider.ts';
import { ProviderError } from './provider-error.ts';
import { apiKeyFrom } from './redact.ts';
import { credentialedUrl, stripCredentials } from './url-credentials.ts';
import { topUp } from './top-up.ts';

export const AnthropicArgs = z.object({
  model: z.string().min(1),
  baseUrl: z.string().url().default('https://api.anthropic.com/v1'),
  apiKeyEnv: z.string().nullable().default('ANTHROPIC_API_KEY'),
  concurrency: z.number().int().positive().default(8),
  /** The Messages API requires max_tokens; used when the generation config leaves it open. */
  defaultMaxTokens: z.number().int().positive().default(4096),
  ...HttpArgs,
});
export type AnthropicArgs = z.input<typeof AnthropicArgs>;

const MessageBody = z.object({
  content: z
    .array(
      z.object({ type: z.string(), text: z.string().optional(), thinking: z.string().optional() }).loose(),
    )
    .nullish(),
  stop_reason: z.string().nullish(),
  usage: z.object({ input_tokens: z.number().nullish(), output_tokens: z.number().nullish() }).nullish(),
});

/**
 * The Anthropic Messages API, streamed (thinking blocks are the reasoning). It has no `n` and no seed:
 * n completions are n requests.
 */
export class AnthropicProvider implements Provider {
  readonly name = 'anthropic';
  readonly model: string;
  readonly endpoint: string;
  private readonly client: HttpClient;
  private readonly headers: Record<string, string>;
  private readonly defaultMaxTokens: number;
  private readonly stream: boolean;
  private readonly host: string;

  constructor(input: AnthropicArgs, env: NodeJS.ProcessEnv = process.env) {
    const args = AnthropicArgs.parse(input);
    this.model = args.model;
    this.endpoint = stripCredentials(args.baseUrl).replace(/\/+$/, '');
    this.host = new URL(this.endpoint).host;
    this.defaultMaxTokens = args.defaultMaxTokens;
    this.stream = args.stream;
    const key = apiKeyFrom(args.apiKeyEnv, env);
    this.headers = { 'anthropic-version': '2023-06-01', ...(key ? { 'x-api-key': key } : {}) };
    this.client = new HttpClient(credentialedUrl(this.endpoint), {
      maxSockets: args.concurrency,
      timeouts: timeoutsOf(args),
      maxBodyBytes: args.maxBodyBytes,
      secrets: [key],
    });
  }

  private sent(g: GenerationConfig): Record<string, unknown> {
    return {
      max_tokens: g.maxTokens ?? this.defaultMaxTokens,
      temperature: Math.min(1, g.temperature),
      ...(g.topP !== null ? { top_p: g.topP } : {}),
      ...(g.stop.length ? { stop_sequences: g.stop } : {}),
      ...g.extraBody,
    };
  }

  effectiveSettings(generation: GenerationConfig): Record<string, unknown> {
    return {
      ...this.sent(generation),
      stream: this.stream,
      timeouts: this.client.timeouts,
      maxBodyBytes: this.client.maxBodyBytes,
    };
  }

  async generate(req: GenerateRequest): Promise<Generation> {
    return topUp(await this.once(req), req, (more) => this.once(more));
  }

  private async once(req: GenerateRequest): Promise<Generation> {
    const system = req.messages.filter((m) => m.role === 'system').map((m) => m.content);
    const body: Record<string, unknown> = {
      model: this.model,
      messages: req.messages
        .filter((m) => m.role !== 'system')
        .map((m) => ({ role: m.role, content: m.content })),
      ...(system.length ? { system: system.join('\n\n') } : {}),
      ...this.sent(req.generation),
      ...(this.stream ? { stream: true } : {}),
    };
    const stream = this.stream ? new AnthropicStream(this.host) : null;
    const res = await this.client.post('messages', body, this.headers, req.signal, stream?.onEvent);
    let text: string | null;
    let thinking: string;
    let usage: { input: number | null; output: number | null };
    let stopReason: string | null;
    if (res.streamed && stream) {
      ({ text, thinking } = stream.result());
      usage = { input: stream.inputTokens, output: stream.outputTokens };
      stopReason = stream.stopReason;
    } else {
      const parsed = MessageBody.safeParse(res.json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ProviderError(
          'malformed',
          `unexpected Messages API body: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
        );
      }
      const m = parsed.data;
      const content = m.content ?? [];
      const texts = content.filter((c) => c.type === 'text');
      text = texts.length ? texts.map((c) => c.text ?? '').join('') : null;
      thinking = content
        .filter((c) => c.type === 'thinking')
        .map((c) => c.thinking ?? '')
        .join('\n');
      usage = { input: m.usage?.input_tokens ?? null, output: m.usage?.output_tokens ?? null };
      stopReason = m.stop_reason ?? null;
    }
    return {
      completions: checkedCompletions(
        [{ raw: text, split: splitReasoning(text ?? '', thinking || null) }],
        this.host,
      ),
      promptTokens: usage.input,
      completionTokens: usage.output,
      reasoningTokens: null,
      latencyMs: res.latencyMs,
      finishReason: stopReason,
    };
  }

  async close(): Promise<void> {
    this.client.close();
  }
}
