import type { ResultView } from './result-view.ts';

/** One number in a leaderboard cell: value, interval (when known), and where it came from. */
export interface LeaderboardScore {
  value: number;
  low: number | null;
  high: number | null;
  n: number | null;
  /** The run id (measured) or "paper, figure" (published). */
  ref: string;
}

/** Measured and published scores of one model on one benchmark, side by side. */
export interface LeaderboardCell {
  measured: LeaderboardScore | null;
  published: LeaderboardScore | null;
}

export interface LeaderboardRow {
  model: string;
  name: string;
  family: string;
  categories: string[];
  totalParamsB: number | null;
  activeParamsB: number | null;
  /** One cell per benchmark column, in column order; null where the model has no result. */
  cells: (LeaderboardCell | null)[];
}

export interface LeaderboardTable {
  benchmarks: { id: string; name: string }[];
  rows: LeaderboardRow[];
}

/** A result's interval: its stated CI, else ±1.96 standard errors, else unknown (nulls). */
export function resultInterval(r: ResultView['result']): { low: number | null; high: number | null } {
  const half = r.stderr !== null ? 1.96 * r.stderr : null;
  return {
    low: r.ciLow ?? (half === null ? null : r.value - half),
    high: r.ciHigh ?? (half === null ? null : r.value + half),
  };
}

function score(v: ResultView): LeaderboardScore {
  const r = v.result;
  return {
    value: r.value,
    ...resultInterval(r),
    n: r.n,
    ref: r.source === 'run' ? (r.runId ?? '') : [r.paper, r.figure ?? r.table].filter(Boolean).join(', '),
  };
}

/** The better of two scores for one slot: the one on more items, then the first seen. */
const keep = (old: LeaderboardScore | null, next: LeaderboardScore) =>
  old === null || (next.n ?? 0) > (old.n ?? 0) ? next : old;

/**
 * Models x benchmarks: each row a model, each column a benchmark, each cell the measured and the
 * published score. Deltas (results with a baseline) are left out. Rows and columns in id order.
 */
export function leaderboardTable(views: readonly ResultView[]): LeaderboardTable {
  const plain = views.filter((v) => v.result.baseline === null);
  const benchmarks = [...new Map(plain.map((v) => [v.benchmark.id, v.benchmark])).values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((b) => ({ id: b.id, name: b.shortName ?? b.name }));
  const column = new Map(benchmarks.map((b, i) => [b.id, i]));
  const rows = new Map<string, LeaderboardRow>();
  for (const v of plain) {
    let row = rows.get(v.model.id);
    if (!row) {
      row = {
        model: v.model.id,
        name: v.model.name,
        family: v.model.family,
        categories: v.model.categories,
        totalParamsB: v.model.totalParamsB,
        activeParamsB: v.model.activeParamsB,
        cells: benchmarks.map(() => null),
      };
      rows.set(v.model.id, row);
    }
    const i = column.get(v.benchmark.id)!;
    const cell = row.cells[i] ?? { measured: null, published: null };
    if (v.result.source === 'run') cell.measured = keep(cell.measured, score(v));
    else cell.published = keep(cell.published, score(v));
    row.cells[i] = cell;
  }
  return { benchmarks, rows: [...rows.values()].sort((a, b) => a.model.localeCompare(b.model)) };
}
