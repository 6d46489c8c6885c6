import { z } from 'zod';
import { splitReasoning } from '../../core/engine/split-reasoning.ts';
import type { ChatMessage } from '../../core/schema/index.ts';
import type { GenerationConfig } from '../../core/schema/run-spec.ts';
import { checkedCompletions } from './checked-completions.ts';
import { HttpClient } from './http-client.ts';
import { HttpArgs, timeoutsOf } from './http-timeouts.ts';
import { OpenAiStream, OpenAiUsage } from './openai-stream.ts';
import type { GenerateRequest, Generation, Provider } from './provider.ts';
import { ProviderError } from './provider-error.ts';
import { apiKeyFrom } from './redact.ts';
import { credentialedUrl, stripCredentials } from './url-credentials.ts';
import { topUp } from './top-up.ts';

export { topUp } from './top-up.ts';

/** Registry args of the OpenAI-compatible providers. The key is read from `apiKeyEnv`, never stored. */
export const OpenAiArgs = z.object({
  model: z.string().min(1),
  baseUrl: z.string().url(),
  apiKeyEnv: z.string().nullable().default('OPENAI_API_KEY'),
  concurrency: z.number().int().positive().default(8),
  ...HttpArgs,
});
export type OpenAiArgs = z.input<typeof OpenAiArgs>;

const ChatBody = z.object({
  choices: z
    .array(
      z.object({
        index: z.number().optional(),
        message: z.object({
          content: z.string().nullish(),
          reasoning_content: z.string().nullish(),
          reasoning: z.string().nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: OpenAiUsage,
});

const CompletionBody = z.object({
  choices: z
    .array(
      z.object({
        index: z.number().optional(),
        text: z.string().nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: OpenAiUsage,
});

/** The request body fields both endpoints share. */
function commonBody(model: string, req: GenerateRequest, stream: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = { model, ...sentGeneration(req.generation) };
  if (req.n > 1) body.n = req.n;
  if (req.seed !== null) body.seed = req.seed;
  if (stream) Object.assign(body, { stream: true, stream_options: { include_usage: true } });
  return { ...body, ...req.generation.extraBody };
}

function sentGeneration(g: GenerationConfig): Record<string, unknown> {
  const body: Record<string, unknown> = { temperature: g.temperature };
  if (g.topP !== null) body.top_p = g.topP;
  if (g.maxTokens !== null) body.max_tokens = g.maxTokens;
  if (g.stop.length) body.stop = g.stop;
  return body;
}

function parse<T>(schema: z.ZodType<T>, json: unknown, host: string): T {
  const r = schema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new ProviderError(
      'malformed',
      `${host} sent an unexpected body: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim(),
    );
  }
  return r.data;
}

/** A plain-text prompt for the completions endpoint: messages joined in order, ending with the assistant turn. */
export function completionPrompt(messages: ChatMessage[]): string {
  return `${messages.map((m) => (m.role === 'user' ? m.content : `${m.role === 'system' ? '' : 'Answer: '}${m.content}`)).join('\n\n')}\n\n`;
}

interface RawChoice {
  content: string | null;
  reasoning: string | null;
  finishReason: string | null;
}

/**
 * OpenAI-compatible chat completions (`/chat/completions`) or completions (`/completions`): vLLM,
 * SGLang, llama.cpp server, Ollama, LM Studio and hosted APIs. Answers are streamed (server-sent
 * events with usage in the last chunk); a server that answers with plain JSON is read as such.
 * Reasoning is kept apart from the answer.
 */
export class OpenAiProvider implements Provider {
  readonly name: string;
  readonly model: string;
  readonly endpoint: string;
  private readonly client: HttpClient;
  private readonly headers: Record<string, string>;
  private readonly mode: 'chat' | 'completions';
  private readonly stream: boolean;
  private readonly host: string;

  constructor(mode: 'chat' | 'completions', input: OpenAiArgs, env: NodeJS.ProcessEnv = process.env) {
    const args = OpenAiArgs.parse(input);
    this.mode = mode;
    this.name = mode === 'chat' ? 'openai-chat' : 'openai-completions';
    this.model = args.model;
    this.endpoint = stripCredentials(args.baseUrl).replace(/\/+$/, '');
    this.host = new URL(this.endpoint).host;
    this.stream = args.stream;
    const key = apiKeyFrom(args.apiKeyEnv, env);
    this.headers = key ? { authorization: `Bearer ${key}` } : {};
    this.client = new HttpClient(credentialedUrl(this.endpoint), {
      maxSockets: args.concurrency,
      timeouts: timeoutsOf(args),
      maxBodyBytes: args.maxBodyBytes,
      secrets: [key],
    });
  }

  effectiveSettings(generation: GenerationConfig): Record<string, unknown> {
    return {
      ...sentGeneration(generation),
      max_tokens: generation.maxTokens,
      ...generation.extraBody,
      stream: this.stream,
      timeouts: this.client.timeouts,
      maxBodyBytes: this.client.maxBodyBytes,
    };
  }

  /** Servers that ignore `n` return one choice: the rest are asked for in further requests. */
  async generate(req: GenerateRequest): Promise<Generation> {
    const first = await this.once(req);
    return topUp(first, req, (more) => this.once(more));
  }

  private async once(req: GenerateRequest): Promise<Generation> {
    const path = this.mode === 'chat' ? 'chat/completions' : 'completions';
    const body = {
      ...commonBody(this.model, req, this.stream),
      ...(this.mode === 'chat' ? { messages: req.messages } : { prompt: completionPrompt(req.messages) }),
    };
    const stream = this.stream ? new OpenAiStream(this.host) : null;
    const res = await this.client.post(path, body, this.headers, req.signal, stream?.onEvent);
    let choices: RawChoice[];
    let usage: OpenAiUsage;
    if (res.streamed && stream) {
      choices = stream.result().map((c) => ({
        content: c.content,
        reasoning: c.reasoning || null,
        finishReason: c.finishReason,
      }));
      usage = stream.usage;
    } else if (this.mode === 'chat') {
      const b = parse(ChatBody, res.json, this.host);
      choices = [...(b.choices ?? [])]
        .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
        .map((c) => ({
          content: c.message.content ?? null,
          reasoning: c.message.reasoning_content ?? c.message.reasoning ?? null,
          finishReason: c.finish_reason ?? null,
        }));
      usage = b.usage;
    } else {
      const b = parse(CompletionBody, res.json, this.host);
      choices = [...(b.choices ?? [])]
        .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
        .map((c) => ({ content: c.text ?? null, reasoning: null, finishReason: c.finish_reason ?? null }));
      usage = b.usage;
    }
    return {
      completions: checkedCompletions(
        choices.map((c) => ({ raw: c.content, split: splitReasoning(c.content ?? '', c.reasoning) })),
        this.host,
      ),
      promptTokens: usage?.prompt_tokens ?? null,
      completionTokens: usage?.completion_tokens ?? null,
      reasoningTokens: usage?.completion_tokens_details?.reasoning_tokens ?? null,
      latencyMs: res.latencyMs,
      finishReason: choices[0]?.finishReason ?? null,
    };
  }

  async close(): Promise<void> {
    this.client.close();
  }
}
