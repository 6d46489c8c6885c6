import { didYouMeanHint } from '../format/did-you-mean.ts';
import type { Benchmark, ModelCard } from '../schema/index.ts';
import type { ResultView } from './result-view.ts';
import type { ResultFilterInput } from './select-results.ts';

/** What a result filter can name: the store's cards and benchmarks, and the results' conditions and papers. */
export interface FilterVocabulary {
  models: readonly ModelCard[];
  benchmarks: readonly Benchmark[];
  views: readonly ResultView[];
}

const uniq = (xs: Iterable<string>) => [...new Set(xs)].sort();

/**
 * The first name in a result filter that nothing in the store carries, as one line with a
 * suggestion ("no benchmark \"gsm8\" (did you mean gsm8k?)"), or undefined when every name is known.
 * A filter naming nothing known would otherwise look like a query that found no results.
 */
export function unknownFilterName(filter: ResultFilterInput, known: FilterVocabulary): string | undefined {
  const check = (what: string, names: readonly string[] | undefined, all: string[], fold: boolean) => {
    const have = new Set(fold ? all.map((x) => x.toLowerCase()) : all);
    const bad = (names ?? []).find((n) => !have.has(fold ? n.toLowerCase() : n));
    return bad === undefined ? undefined : `no ${what} "${bad}"${didYouMeanHint(bad, all)}`;
  };
  const papers = uniq(known.views.flatMap((v) => (v.result.paper ? [v.result.paper] : [])));
  const source = filter.source;
  const sourceProblem =
    source &&
    source !== 'run' &&
    source !== 'publication' &&
    !papers.some((p) => p.toLowerCase().includes(source.toLowerCase()))
      ? `no paper matches source "${source}" (use run, publication, or part of a paper's name${didYouMeanHint(
          source,
          ['run', 'publication', ...papers],
        )
          .replace(' (', '; ')
          .replace(/\)$/, '')})`
      : undefined;
  return (
    check('benchmark', filter.benchmarks, uniq(known.benchmarks.map((b) => b.id)), false) ??
    check('model', filter.models, uniq(known.models.map((m) => m.id)), false) ??
    check('model family', filter.families, uniq(known.models.map((m) => m.family)), true) ??
    check('model category', filter.categories, uniq(known.models.flatMap((m) => m.categories)), true) ??
    check(
      'condition',
      filter.condition ? [filter.condition] : [],
      uniq(known.views.map((v) => v.result.condition)),
      false,
    ) ??
    sourceProblem
  );
}
