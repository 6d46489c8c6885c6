import type { ChatMessage } from '../../core/schema/index.ts';
import type { Item } from '../../core/task/task.ts';

const INSTRUCTION =
  'Think step by step, then give the final answer on the last line in the form "Answer: <answer>", where ' +
  '<answer> is a short span (an entity, a date, a number, or yes/no), not a sentence.';

/** Zero-shot chain-of-thought prompts for the two settings. */
export const hotpotqaPrompts: Record<'closed-book' | 'distractor', (item: Item) => ChatMessage[]> = {
  'closed-book': (item) => [
    { role: 'user', content: `Answer the following question.\n\nQuestion: ${item.input}\n\n${INSTRUCTION}` },
  ],
  distractor: (item) => {
    const ctx = (item.metadata.context as { title: string; text: string }[] | undefined) ?? [];
    const paragraphs = ctx.map((p) => `## ${p.title}\n${p.text}`).join('\n\n');
    return [
      {
        role: 'user',
        content: `Answer the question using the paragraphs below.\n\n${paragraphs}\n\nQuestion: ${item.input}\n\n${INSTRUCTION}`,
      },
    ];
  },
};
