import { writeFileSync } from 'node:fs';
import { readInputText } from '../../adapters/files/input-text.ts';
import type { ImportCounts, Store } from '../../adapters/store/store.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { extractPatch, predictionsJsonl, type SwePrediction } from './swe-bench-predictions.ts';
import { parseSweReport, type ReportSource, reportToResult } from './swe-bench-report.ts';

/**
 * The predictions of a stored run, in the official harness's format: the first sample of every
 * instance, its patch extracted from the response.
 */
export async function runPredictions(
  store: Store,
  runId: string,
  modelName?: string,
): Promise<SwePrediction[]> {
  const run = await store.run(runId);
  if (!run) throw new UserError(`no run "${runId}" in the store`, EXIT.notFound);
  const byItem = new Map<string, SwePrediction>();
  for await (const s of store.samples(runId)) {
    if (s.sampleIndex !== 0) continue;
    byItem.set(s.itemId, {
      instance_id: s.itemId,
      model_name_or_path: modelName ?? run.spec.model,
      model_patch: extractPatch(s.response ?? ''),
    });
  }
  return [...byItem.values()].sort((a, b) => a.instance_id.localeCompare(b.instance_id));
}

/** Writes a run's predictions JSONL (to a file, or returns the text when `out` is null). */
export async function exportPredictions(store: Store, runId: string, out: string | null, modelName?: string) {
  const preds = await runPredictions(store, runId, modelName);
  const text = predictionsJsonl(preds);
  if (out) writeFileSync(out, text);
  return { count: preds.length, empty: preds.filter((p) => !p.model_patch).length, text };
}

/** Imports a harness report file as a resolved-rate result. */
export async function importReport(store: Store, file: string, src: ReportSource): Promise<ImportCounts> {
  const text = readInputText(file, { noun: 'report', exitCode: EXIT.notFound });
  const result = reportToResult(parseSweReport(text, file), src);
  const known = new Set((await store.models()).map((m) => m.id));
  if (!known.has(result.model))
    throw new UserError(`unknown model "${result.model}": add its model card first`, EXIT.notFound);
  return store.importBatch({ results: [result] });
}
