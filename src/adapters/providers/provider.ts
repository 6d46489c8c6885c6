import type { ChatMessage } from '../../core/schema/index.ts';
import type { GenerationConfig } from '../../core/schema/run-spec.ts';
import type { Completion } from '../../core/task/task.ts';

/** One request to a model: the same shape for every provider. */
export interface GenerateRequest {
  messages: ChatMessage[];
  generation: GenerationConfig;
  /** Completions wanted from this one request (providers without native n issue several). */
  n: number;
  seed: number | null;
  /** Aborts the request (timeout or shutdown); the provider rejects with a ProviderError. */
  signal?: AbortSignal;
}

/** A completion with what the provider said about it: an unclosed thinking block has no answer. */
export type ProviderCompletion = Completion & { unclosed?: true };

export interface Generation {
  completions: ProviderCompletion[];
  promptTokens: number | null;
  /** Every generated token, reasoning included. */
  completionTokens: number | null;
  /** The part of completionTokens spent on reasoning, when the API reports it. */
  reasoningTokens?: number | null;
  latencyMs: number;
  /** The provider's own finish reason, as it sent it ("stop", "length", "end_turn"...). */
  finishReason: string | null;
}

/**
 * A model behind one generate() contract. Every provider passes
 * test/adapters/providers/provider-conformance.ts.
 */
export interface Provider {
  /** Registry name of the provider ("openai-chat", "anthropic", "llama-cpp"). */
  readonly name: string;
  readonly model: string;
  /** Base URL (never with credentials), or null for in-process models. */
  readonly endpoint: string | null;
  generate(request: GenerateRequest): Promise<Generation>;
  /**
   * The generation settings this provider actually sends for a config: the defaults it fills in
   * (max tokens), the values it clamps, streaming. Recorded with the run.
   */
  effectiveSettings(generation: GenerationConfig): Record<string, unknown>;
  close(): Promise<void>;
}
