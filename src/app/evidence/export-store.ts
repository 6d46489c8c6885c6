import type { KindedRecord } from '../../adapters/files/write-records.ts';
import type { Store } from '../../adapters/store/store.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import type { RecordKind } from '../../core/import/record-kinds.ts';
import type { RunRecord } from '../../core/schema/index.ts';

export interface ExportRequest {
  /** One kind only; all kinds when absent. */
  kind?: RecordKind;
  /** Only these runs (for runs and samples); all when empty. */
  runs?: string[];
  /**
   * With kind "sample": also the runs the samples belong to, the results measured from them and the
   * model and benchmark cards those refer to, so the file imports into an empty store on its own.
   */
  withContext?: boolean;
}

async function chosenRuns(store: Store, ids: readonly string[]): Promise<RunRecord[]> {
  const all = await store.runs();
  const unknown = ids.find((id) => !all.some((r) => r.spec.id === id));
  if (unknown)
    throw new UserError(`no run "${unknown}" in ${store.location} (see yardstick runs)`, EXIT.notFound);
  return ids.length ? all.filter((r) => ids.includes(r.spec.id)) : all;
}

/**
 * The store's records in the order `import` reads them back: benchmarks, models, results, figures,
 * runs, then each run's samples in item and index order. Samples stream a page at a time, so a store
 * of millions of samples exports in bounded memory. Unknown run ids fail before the first record.
 */
export async function exportRecords(
  store: Store,
  req: ExportRequest = {},
): Promise<AsyncIterable<KindedRecord>> {
  const want = (k: RecordKind) => !req.kind || req.kind === k;
  const runs = want('run') || want('sample') ? await chosenRuns(store, req.runs ?? []) : [];
  return records(store, req, runs);
}

async function* records(
  store: Store,
  req: ExportRequest,
  runs: readonly RunRecord[],
): AsyncIterable<KindedRecord> {
  const out: KindedRecord[] = [];
  const push = (kind: RecordKind, values: readonly object[]) => {
    for (const value of values) out.push({ kind, value: value as Record<string, unknown> });
  };
  const want = (k: RecordKind) => !req.kind || req.kind === k;
  const context = req.kind === 'sample' && req.withContext === true;
  if (context) {
    const ids = new Set(runs.map((r) => r.spec.id));
    const results = (
      await store.results({
        models: [...new Set(runs.map((r) => r.spec.model))],
        benchmarks: [...new Set(runs.map((r) => r.spec.benchmark))],
      })
    ).filter((r) => r.source === 'run' && r.runId !== null && ids.has(r.runId));
    const models = new Set(results.map((r) => r.model));
    const benchmarks = new Set(results.map((r) => r.benchmark));
    push(
      'benchmark',
      (await store.benchmarks()).filter((b) => benchmarks.has(b.id)),
    );
    push(
      'model',
      (await store.models()).filter((m) => models.has(m.id)),
    );
    push('result', results);
  }
  if (want('benchmark')) push('benchmark', await store.benchmarks());
  if (want('model')) push('model', await store.models());
  if (want('result')) push('result', await store.results());
  if (want('figure')) push('figure', await store.figures());
  if (want('run') || context) push('run', runs);
  yield* out;
  if (want('sample'))
    for (const r of runs)
      for await (const s of store.samples(r.spec.id))
        yield { kind: 'sample', value: s as unknown as Record<string, unknown> };
}
