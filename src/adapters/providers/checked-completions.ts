import type { ProviderCompletion } from './provider.ts';
import { ProviderError } from './provider-error.ts';

/**
 * The completions of a response, or an `empty` ProviderError when there is none or one is empty
 * (`content: null`, `content: []`, no choices, no text and no reasoning): such a response is retried
 * like a transport fault and never scored or cached.
 */
export function checkedCompletions(
  choices: { raw: string | null; split: ProviderCompletion }[],
  host: string,
): ProviderCompletion[] {
  if (choices.length === 0) throw new ProviderError('empty', `${host} returned no completion`);
  for (const c of choices) {
    if ((c.raw === null || c.raw === '') && !c.split.reasoning)
      throw new ProviderError('empty', `${host} returned an empty completion`);
  }
  return choices.map((c) => c.split);
}
