import type { ChatMessage } from '../schema/index.ts';
import type { GenerationConfig } from '../schema/run-spec.ts';
import { stableJson } from '../format/stable-json.ts';

// From process.getBuiltinModule, not an ESM import: the import's facade reads every export of
// node:crypto and so loads WebCrypto, a few ms of every eval's start-up.
const { createHash } = process.getBuiltinModule('node:crypto');

/** Everything that decides a model response; two requests with equal parts may share one response. */
export interface CacheKeyParts {
  provider: string;
  endpoint: string | null;
  model: string;
  /** The task's resolved arguments (defaults filled in): a different prompt or data file is a different request. */
  taskArgs: Record<string, unknown>;
  messages: ChatMessage[];
  generation: GenerationConfig;
  sampleIndex: number;
  seed: number;
}

/** The content address of a response: sha256 of the parts as stable JSON (hashing is deterministic). */
export function cacheKey(parts: CacheKeyParts): string {
  const text = stableJson({
    v: 2,
    provider: parts.provider,
    endpoint: parts.endpoint,
    model: parts.model,
    taskArgs: parts.taskArgs,
    messages: parts.messages.map((m) => ({ role: m.role, content: m.content })),
    generation: parts.generation,
    sampleIndex: parts.sampleIndex,
    seed: parts.seed,
  });
  return createHash('sha256').update(text).digest('hex');
}
