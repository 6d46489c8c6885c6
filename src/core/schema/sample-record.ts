import { z } from 'zod';
import { FinishReason } from '../engine/finish-reason.ts';
import { Scoring } from './scoring.ts';

export const ChatMessage = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/**
 * The grader's judgement of one sample. `error` means no usable response or no verdict (the provider failed,
 * or the scorer timed out: `error` is then "scorer-timeout"): it is excluded from scores and counted apart.
 */
export const Verdict = z.enum(['correct', 'incorrect', 'no-answer', 'error']);
export type Verdict = z.infer<typeof Verdict>;

/** One model response to one item, with how it was scored. */
export const SampleRecord = z.object({
  runId: z.string().min(1),
  itemId: z.string().min(1),
  sampleIndex: z.number().int().nonnegative(),
  messages: z.array(ChatMessage),
  response: z.string().nullable().default(null),
  reasoning: z.string().nullable().default(null),
  extracted: z.string().nullable().default(null),
  verdict: Verdict,
  score: z.number().min(0).max(1).nullable().default(null),
  promptTokens: z.number().int().nonnegative().nullable().default(null),
  completionTokens: z.number().int().nonnegative().nullable().default(null),
  /** The part of completionTokens spent on reasoning, when the API reports it (absent: unknown). */
  reasoningTokens: z.number().int().nonnegative().nullable().optional(),
  /**
   * Why the generation ended: `length` is a truncated sample (scored as the benchmark says);
   * absent or null when the provider did not say (imported samples, older runs).
   */
  finishReason: FinishReason.nullable().optional(),
  latencyMs: z.number().nonnegative().nullable().default(null),
  error: z.string().nullable().default(null),
  scorerVersion: z.string().nullable().default(null),
  /** The item's gold answer in the benchmark's own form, as it was when the sample was scored. */
  target: z.string().nullable().default(null),
  /** What reports group items by (subject, level, difficulty), when the benchmark has it. */
  tags: z.record(z.string(), z.string()).default({}),
  /** How the verdict was reached (extraction rule, compared forms, equivalence method); null when unknown. */
  scoring: Scoring.nullable().default(null),
  createdAt: z.iso.datetime(),
});
export type SampleRecord = z.infer<typeof SampleRecord>;
export type SampleRecordInput = z.input<typeof SampleRecord>;
