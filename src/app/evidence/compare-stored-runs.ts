import type { Store } from '../../adapters/store/store.ts';
import { compareRuns, type RunComparison } from '../../core/compare/compare-runs.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import type { RunRecord } from '../../core/schema/index.ts';
import { loadRunSamples, requireRun } from './load-run-samples.ts';

export interface StoredRunComparison {
  a: RunRecord;
  b: RunRecord;
  comparison: RunComparison;
}

/** Two stored runs of the same benchmark compared item by item (b against a). */
export async function compareStoredRuns(
  store: Store,
  idA: string,
  idB: string,
  seed = 1,
): Promise<StoredRunComparison> {
  const [a, b] = [await requireRun(store, idA), await requireRun(store, idB)];
  if (a.spec.benchmark !== b.spec.benchmark)
    throw new UserError(
      `runs ${idA} (${a.spec.benchmark}) and ${idB} (${b.spec.benchmark}) are on different benchmarks`,
      EXIT.usage,
    );
  const comparison = compareRuns(await loadRunSamples(store, idA), await loadRunSamples(store, idB), seed);
  if (comparison.shared < 2)
    throw new UserError(
      `runs ${idA} and ${idB} share ${comparison.shared} scored item(s); a paired comparison needs at least two`,
      EXIT.invalidInput,
    );
  return { a, b, comparison };
}
