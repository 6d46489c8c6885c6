import { z } from 'zod';
import { splitReasoning } from '../../core/engine/split-reasoning.ts';
import type { ChatMessage } from '../../core/schema/index.ts';
import { HttpClient } from './http-client.ts';
import type { GenerateRequest, Generation, Provider } from './provider.ts';
import { ProviderError } from './provider-error.ts';
import { apiKeyFrom } from './redact.ts';
import { credentialedUrl, stripCredentials } from './url-credentials.ts';

/** Registry args of the OpenAI-compatible providers. The key is read from `apiKeyEnv`, never stored. */
export const OpenAiArgs = z.object({
  model: z.string().min(1),
  baseUrl: z.string().url(),
  apiKeyEnv: z.string().nullable().default('OPENAI_API_KEY'),
  concurrency: z.number().int().positive().default(8),
  timeoutMs: z.number().int().positive().default(120_000),
});
export type OpenAiArgs = z.input<typeof OpenAiArgs>;

const Usage = z
  .object({ prompt_tokens: z.number().nullish(), completion_tokens: z.number().nullish() })
  .nullish();

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
    .min(1),
  usage: Usage,
});

const CompletionBody = z.object({
  choices: z
    .array(z.object({ index: z.number().optional(), text: z.string(), finish_reason: z.string().nullish() }))
    .min(1),
  usage: Usage,
});

/** The request body fields both endpoints share. */
function commonBody(model: string, req: GenerateRequest): Record<string, unknown> {
  const g = req.generation;
  const body: Record<string, unknown> = { model, temperature: g.temperature };
  if (g.topP !== null) body.top_p = g.topP;
  if (g.maxTokens !== null) body.max_tokens = g.maxTokens;
  if (g.stop.length) body.stop = g.stop;
  if (req.n > 1) body.n = req.n;
  if (req.seed !== null) body.seed = req.seed;
  return { ...body, ...g.extraBody };
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

/**
 * OpenAI-compatible chat completions (`/chat/completions`) or completions (`/completions`): vLLM,
 * SGLang, llama.cpp server, Ollama, LM Studio and hosted APIs. Reasoning is kept apart from the answer.
 */
export class OpenAiProvider implements Provider {
  readonly name: string;
  readonly model: string;
  readonly endpoint: string;
  private readonly client: HttpClient;
  private readonly headers: Record<string, string>;
  private readonly mode: 'chat' | 'completions';

  constructor(mode: 'chat' | 'completions', input: OpenAiArgs, env: NodeJS.ProcessEnv = process.env) {
    const args = OpenAiArgs.parse(input);
    this.mode = mode;
    this.name = mode === 'chat' ? 'openai-chat' : 'openai-completions';
    this.model = args.model;
    this.endpoint = stripCredentials(args.baseUrl).replace(/\/+$/, '');
    const key = apiKeyFrom(args.apiKeyEnv, env);
    this.headers = key ? { authorization: `Bearer ${key}` } : {};
    this.client = new HttpClient(credentialedUrl(this.endpoint), {
      maxSockets: args.concurrency,
      timeoutMs: args.timeoutMs,
      secrets: [key],
    });
  }

  /** Servers that ignore `n` return one choice: the rest are asked for in further requests. */
  async generate(req: GenerateRequest): Promise<Generation> {
    const first = await this.once(req);
    return topUp(first, req, (more) => this.once(more));
  }

  private async once(req: GenerateRequest): Promise<Generation> {
    const host = new URL(this.endpoint).host;
    if (this.mode === 'chat') {
      const res = await this.client.post(
        'chat/completions',
        { ...commonBody(this.model, req), messages: req.messages },
        this.headers,
        req.signal,
      );
      const body = parse(ChatBody, res.json, host);
      const choices = [...body.choices].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      return {
        completions: choices.map((c) =>
          splitReasoning(c.message.content ?? '', c.message.reasoning_content ?? c.message.reasoning ?? null),
        ),
        promptTokens: body.usage?.prompt_tokens ?? null,
        completionTokens: body.usage?.completion_tokens ?? null,
        latencyMs: res.latencyMs,
        finishReason: choices[0]?.finish_reason ?? null,
      };
    }
    const res = await this.client.post(
      'completions',
      { ...commonBody(this.model, req), prompt: completionPrompt(req.messages) },
      this.headers,
      req.signal,
    );
    const body = parse(CompletionBody, res.json, host);
    const choices = [...body.choices].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    return {
      completions: choices.map((c) => splitReasoning(c.text)),
      promptTokens: body.usage?.prompt_tokens ?? null,
      completionTokens: body.usage?.completion_tokens ?? null,
      latencyMs: res.latencyMs,
      finishReason: choices[0]?.finish_reason ?? null,
    };
  }

  async close(): Promise<void> {
    this.client.close();
  }
}

/** Adds completions from further requests until `req.n` are there; tokens and latency add up. */
export async function topUp(
  first: Generation,
  req: GenerateRequest,
  again: (req: GenerateRequest) => Promise<Generation>,
): Promise<Generation> {
  const out = { ...first, completions: [...first.completions] };
  while (out.completions.length < req.n) {
    const have = out.completions.length;
    const next = await again({ ...req, n: req.n - have, seed: req.seed === null ? null : req.seed + have });
    if (next.completions.length === 0)
      throw new ProviderError('malformed', 'the server returned no completion');
    out.completions.push(...next.completions.slice(0, req.n - have));
    out.promptTokens = sum(out.promptTokens, next.promptTokens);
    out.completionTokens = sum(out.completionTokens, next.completionTokens);
    out.latencyMs += next.latencyMs;
  }
  return out;
}

const sum = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
