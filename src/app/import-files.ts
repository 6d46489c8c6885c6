import { buildBatch } from '../core/import/build-batch.ts';
import { InputError, type InputProblem } from '../core/import/source-record.ts';
import type { ImportCounts, Store } from '../adapters/store/store.ts';
import { readRecords } from '../adapters/files/read-records.ts';

export interface FileOutcome {
  file: string;
  counts: ImportCounts | null;
  problems: InputProblem[];
}

/**
 * Imports files in order. Each file is validated whole and written in one transaction; a file with
 * any problem writes nothing. Later files may refer to models and benchmarks of earlier valid ones.
 */
export async function importFiles(store: Store, files: string[]): Promise<FileOutcome[]> {
  const [models, benchmarks, runs] = await Promise.all([store.models(), store.benchmarks(), store.runs()]);
  const known = {
    models: new Set(models.map((m) => m.id)),
    benchmarks: new Set(benchmarks.map((b) => b.id)),
    runs: new Set(runs.map((r) => r.spec.id)),
  };
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    let problems: InputProblem[];
    let counts: ImportCounts | null = null;
    try {
      const built = buildBatch(readRecords(file), known);
      problems = built.problems;
      if (problems.length === 0) {
        counts = await store.importBatch(built.batch);
        for (const m of built.batch.models) known.models.add(m.id);
        for (const b of built.batch.benchmarks) known.benchmarks.add(b.id);
        for (const r of built.batch.runs) known.runs.add(r.spec.id);
      }
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems = err.problems;
    }
    outcomes.push({ file, counts, problems });
  }
  return outcomes;
}
