import { extractChoice, normalizeOptionText } from '../../core/extract/extract-choice.ts';
import type { Item, Scorer } from '../../core/task/task.ts';
import { noAnswerScore } from './no-answer-score.ts';

/** The option letters and texts a multiple-choice item carries in its metadata. */
export function choicesOf(item: Item): { letters: string; options: string[] } {
  const options = (item.metadata.choices as string[] | undefined) ?? [];
  const letters = (item.metadata.letters as string | undefined) ?? 'ABCDE'.slice(0, options.length || 5);
  return { letters, options };
}

/**
 * Scores a multiple-choice response: the chosen letter against the gold letter. A hedge ("either C or
 * E") and a letter that is not an option are no answer (see extractChoice for the policy).
 */
export const choiceScorer: Scorer = (completion, item) => {
  const { letters, options } = choicesOf(item);
  const found = extractChoice(completion.text, letters, options);
  if (!found?.letter) return noAnswerScore(found?.method ?? 'none');
  // two options with the same text are the same answer (a few AQuA and CommonsenseQA items repeat one)
  const text = (letter: string) => normalizeOptionText(options[letters.indexOf(letter)] ?? `\u0000${letter}`);
  const ok = found.letter === item.target || text(found.letter) === text(item.target);
  return {
    extracted: found.letter,
    verdict: ok ? 'correct' : 'incorrect',
    value: ok ? 1 : 0,
    scoring: {
      rule: found.method,
      extracted: found.letter,
      normalized: { gold: item.target, answer: found.letter },
      method: 'exact',
    },
  };
};

/** "(A) text" lines for a prompt. */
export function formatOptions(letters: string, options: readonly string[]): string {
  return options.map((o, i) => `(${letters[i]}) ${o}`).join('\n');
}
