import type { ChatMessage } from '../../core/schema/index.ts';
import type { Item } from '../../core/task/task.ts';
import { choicesOf, formatOptions } from './choice-scorer.ts';

/**
 * Zero-shot chain of thought for multiple choice, in the format of OpenAI simple-evals: think step by
 * step, and end with a line "Answer: X".
 */
export function choiceCot(item: Item): ChatMessage[] {
  const { letters, options } = choicesOf(item);
  const list = letters.split('').join(', ');
  return [
    {
      role: 'user',
      content:
        `Answer the following multiple choice question. The last line of your response should be of the following ` +
        `format: 'Answer: $LETTER' (without quotes) where LETTER is one of ${list}. Think step by step before answering.\n\n` +
        `${item.input}\n\n${formatOptions(letters, options)}`,
    },
  ];
}
