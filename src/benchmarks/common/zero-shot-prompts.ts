import type { ChatMessage } from '../../core/schema/index.ts';

/** The zero-shot chain-of-thought instruction for boxed answers used by current model reports (Qwen2.5, DeepSeek-R1). */
export const BOXED_COT = 'Please reason step by step, and put your final answer within \\boxed{}.';

/** One user message: the question, then the instruction. */
export function boxedCot(question: string): ChatMessage[] {
  return [{ role: 'user', content: `${question}\n${BOXED_COT}` }];
}
