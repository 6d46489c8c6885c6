import type { GenerateRequest, Generation } from './provider.ts';
import { ProviderError } from './provider-error.ts';

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
    if (next.completions.length === 0) throw new ProviderError('empty', 'the server returned no completion');
    out.completions.push(...next.completions.slice(0, req.n - have));
    out.promptTokens = sum(out.promptTokens, next.promptTokens);
    out.completionTokens = sum(out.completionTokens, next.completionTokens);
    out.reasoningTokens = sum(out.reasoningTokens ?? null, next.reasoningTokens ?? null);
    out.latencyMs += next.latencyMs;
  }
  return out;
}

const sum = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
