import type { RunOutcome } from '../../app/eval/execute-run.ts';
import { truncationWarning } from '../../core/engine/truncation.ts';

/** One warning per run whose truncation rate is above 1%, naming the max tokens the provider sent. */
export function truncationWarnings(outcomes: RunOutcome[]): string[] {
  const out: string[] = [];
  for (const o of outcomes) {
    if (!o.usage) continue;
    const sent = o.spec.effectiveGeneration;
    const maxTokens = sent?.max_tokens ?? sent?.maxTokens ?? o.spec.generation.maxTokens;
    const warning = truncationWarning(o.spec.id, maxTokens, o.usage);
    if (warning) out.push(warning);
  }
  return out;
}
