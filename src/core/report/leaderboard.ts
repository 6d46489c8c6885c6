import type { ResultView } from '../query/result-view.ts';
import type { Benchmark } from '../schema/index.ts';
import { measuredKeys } from './measured-figures.ts';

export interface LeaderboardRow {
  key: string;
  label: string;
  /** Benchmark id -> the measured score. */
  cells: Map<string, ResultView>;
}

export interface Leaderboard {
  benchmarks: Benchmark[];
  rows: LeaderboardRow[];
}

/**
 * Measured scores as a table of models (and conditions) by benchmarks, rows ordered by their mean
 * score over the benchmarks they have (best first), then by label.
 */
export function leaderboard(measured: readonly ResultView[]): Leaderboard {
  const keys = measuredKeys(measured);
  const benchmarks = [...new Map(measured.map((v) => [v.benchmark.id, v.benchmark])).values()].sort((a, b) =>
    a.id.localeCompare(b.id),
  );
  const rows = new Map<string, LeaderboardRow>();
  for (const v of measured) {
    const k = keys.get(v)!;
    const row = rows.get(k.key) ?? { key: k.key, label: k.label, cells: new Map() };
    row.cells.set(v.benchmark.id, v);
    rows.set(k.key, row);
  }
  const meanOf = (r: LeaderboardRow) =>
    [...r.cells.values()].reduce((s, v) => s + v.result.value, 0) / r.cells.size;
  return {
    benchmarks,
    rows: [...rows.values()].sort((a, b) => meanOf(b) - meanOf(a) || a.label.localeCompare(b.label)),
  };
}
