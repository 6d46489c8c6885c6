import { z } from 'zod';
import { splitReasoning } from '../../core/engine/split-reasoning.ts';
import { HttpClient } from './http-client.ts';
import { topUp } from './openai-provider.ts';
import type { GenerateRequest, Generation, Provider } from './provider.ts';
import { ProviderError } from './provider-error.ts';
import { apiKeyFrom } from './redact.ts';
import { credentialedUrl, stripCredentials } from './url-credentials.ts';

export const AnthropicArgs = z.object({
  model: z.string().min(1),
  baseUrl: z.string().url().default('https://api.anthropic.com/v1'),
  apiKeyEnv: z.string().nullable().default('ANTHROPIC_API_KEY'),
  concurrency: z.number().int().positive().default(8),
  timeoutMs: z.number().int().positive().default(300_000),
  /** The Messages API requires max_tokens; used when the generation config leaves it open. */
  defaultMaxTokens: z.number().int().positive().default(4096),
});
export type AnthropicArgs = z.input<typeof AnthropicArgs>;

const MessageBody = z.object({
  content: z.array(
    z.object({ type: z.string(), text: z.string().optional(), thinking: z.string().optional() }).loose(),
  ),
  stop_reason: z.string().nullish(),
  usage: z.object({ input_tokens: z.number().nullish(), output_tokens: z.number().nullish() }).nullish(),
});

/** The Anthropic Messages API. It has no `n` and no seed: n completions are n requests. */
export class AnthropicProvider implements Provider {
  readonly name = 'anthropic';
  readonly model: string;
  readonly endpoint: string;
  private readonly client: HttpClient;
  private readonly headers: Record<string, string>;
  private readonly defaultMaxTokens: number;

  constructor(input: AnthropicArgs, env: NodeJS.ProcessEnv = process.env) {
    const args = AnthropicArgs.parse(input);
    this.model = args.model;
    this.endpoint = stripCredentials(args.baseUrl).replace(/\/+$/, '');
    this.defaultMaxTokens = args.defaultMaxTokens;
    const key = apiKeyFrom(args.apiKeyEnv, env);
    this.headers = { 'anthropic-version': '2023-06-01', ...(key ? { 'x-api-key': key } : {}) };
    this.client = new HttpClient(credentialedUrl(this.endpoint), {
      maxSockets: args.concurrency,
      timeoutMs: args.timeoutMs,
      secrets: [key],
    });
  }

  async generate(req: GenerateRequest): Promise<Generation> {
    return topUp(await this.once(req), req, (more) => this.once(more));
  }

  private async once(req: GenerateRequest): Promise<Generation> {
    const g = req.generation;
    const system = req.messages.filter((m) => m.role === 'system').map((m) => m.content);
    const body: Record<string, unknown> = {
      model: this.model,
      max_tokens: g.maxTokens ?? this.defaultMaxTokens,
      messages: req.messages
        .filter((m) => m.role !== 'system')
        .map((m) => ({ role: m.role, content: m.content })),
      temperature: Math.min(1, g.temperature),
      ...(system.length ? { system: system.join('\n\n') } : {}),
      ...(g.topP !== null ? { top_p: g.topP } : {}),
      ...(g.stop.length ? { stop_sequences: g.stop } : {}),
      ...g.extraBody,
    };
    const res = await this.client.post('messages', body, this.headers, req.signal);
    const parsed = MessageBody.safeParse(res.json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ProviderError(
        'malformed',
        `unexpected Messages API body: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
      );
    }
    const m = parsed.data;
    const text = m.content
      .filter((c) => c.type === 'text')
      .map((c) => c.text ?? '')
      .join('');
    const thinking = m.content
      .filter((c) => c.type === 'thinking')
      .map((c) => c.thinking ?? '')
      .join('\n');
    return {
      completions: [splitReasoning(text, thinking || null)],
      promptTokens: m.usage?.input_tokens ?? null,
      completionTokens: m.usage?.output_tokens ?? null,
      latencyMs: res.latencyMs,
      finishReason: m.stop_reason ?? null,
    };
  }

  async close(): Promise<void> {
    this.client.close();
  }
}
