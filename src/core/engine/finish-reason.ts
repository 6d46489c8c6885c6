import { z } from 'zod';

/** Why a generation ended, the same for every provider; `error` for samples without a response. */
export const FinishReason = z.enum(['stop', 'length', 'content_filter', 'error']);
export type FinishReason = z.infer<typeof FinishReason>;

const LENGTH = new Set(['length', 'max_tokens', 'maxtokens', 'model_context_window_exceeded']);
const FILTER = new Set(['content_filter', 'refusal', 'safety', 'recitation']);

/**
 * A provider's own finish reason ("stop", "length", "end_turn", "max_tokens", llama.cpp's
 * "maxTokens", ...) as one of FinishReason; null when the provider sent none.
 */
export function normalizeFinishReason(raw: string | null | undefined): FinishReason | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const r = raw.toLowerCase();
  if (LENGTH.has(r)) return 'length';
  if (FILTER.has(r)) return 'content_filter';
  if (r === 'error' || r === 'abort' || r === 'abort_signal') return 'error';
  return 'stop';
}
