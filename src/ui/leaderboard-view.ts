import type { LeaderboardCell, LeaderboardRow, LeaderboardTable } from '../core/query/leaderboard-table.ts';

/** What the leaderboard shows; every field lives in the URL. */
export interface LeaderboardState {
  /** Substring of the model's name or id. */
  q: string;
  families: string[];
  categories: string[];
  minParams: number | null;
  maxParams: number | null;
  paramsAxis: 'total' | 'active';
  /** Benchmark columns shown; empty means all. */
  columns: string[];
  /** Which scores the cells show. */
  show: 'both' | 'measured' | 'published';
  /** "name", "params", "family" or a benchmark id. */
  sort: string;
  desc: boolean;
}

export const defaultLeaderboardState: LeaderboardState = {
  q: '',
  families: [],
  categories: [],
  minParams: null,
  maxParams: null,
  paramsAxis: 'total',
  columns: [],
  show: 'both',
  sort: 'name',
  desc: false,
};

const list = (v: string | undefined) => (v ? v.split(',').filter(Boolean) : []);
const num = (v: string | undefined) =>
  v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v);

/** The state a URL's parameters describe (unknown values fall back to the defaults). */
export function leaderboardStateFrom(params: Record<string, string>): LeaderboardState {
  const d = defaultLeaderboardState;
  return {
    q: params.q ?? d.q,
    families: list(params.family),
    categories: list(params.category),
    minParams: num(params.min),
    maxParams: num(params.max),
    paramsAxis: params.params === 'active' ? 'active' : 'total',
    columns: list(params.cols),
    show: params.show === 'measured' || params.show === 'published' ? params.show : 'both',
    sort: params.sort || d.sort,
    desc: params.dir === 'desc',
  };
}

/** The URL parameters of a state; defaults are left out. */
export function leaderboardParams(s: LeaderboardState): Record<string, string | null> {
  return {
    q: s.q || null,
    family: s.families.join(',') || null,
    category: s.categories.join(',') || null,
    min: s.minParams === null ? null : String(s.minParams),
    max: s.maxParams === null ? null : String(s.maxParams),
    params: s.paramsAxis === 'active' ? 'active' : null,
    cols: s.columns.join(',') || null,
    show: s.show === 'both' ? null : s.show,
    sort: s.sort === 'name' ? null : s.sort,
    dir: s.desc ? 'desc' : null,
  };
}

/** The score a cell sorts by: the measured one when shown and present, else the published one. */
export function cellValue(cell: LeaderboardCell | null, show: LeaderboardState['show']): number | null {
  if (!cell) return null;
  if (show !== 'published' && cell.measured) return cell.measured.value;
  if (show !== 'measured' && cell.published) return cell.published.value;
  return null;
}

/** Names compare as people read them ("Model 9" before "Model 10"); a collator is far faster than localeCompare. */
const collate = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

const paramsOf = (r: LeaderboardRow, axis: LeaderboardState['paramsAxis']) =>
  axis === 'active' ? (r.activeParamsB ?? r.totalParamsB) : r.totalParamsB;

/**
 * The rows and columns to draw: rows filtered by name, family, category and size, sorted (missing
 * values last in either direction, ties by model id); columns as chosen, in table order.
 */
export function leaderboardView(
  table: LeaderboardTable,
  s: LeaderboardState,
): { columns: number[]; rows: LeaderboardRow[] } {
  const columns = table.benchmarks
    .map((b, i) => (s.columns.length === 0 || s.columns.includes(b.id) ? i : -1))
    .filter((i) => i >= 0);
  const q = s.q.toLowerCase();
  const families = new Set(s.families.map((f) => f.toLowerCase()));
  const categories = new Set(s.categories.map((c) => c.toLowerCase()));
  const sizeFilter = s.minParams !== null || s.maxParams !== null;
  const rows = table.rows.filter((r) => {
    if (q && !r.name.toLowerCase().includes(q) && !r.model.includes(q)) return false;
    if (families.size && !families.has(r.family.toLowerCase())) return false;
    if (categories.size && !r.categories.some((c) => categories.has(c.toLowerCase()))) return false;
    if (sizeFilter) {
      const p = paramsOf(r, s.paramsAxis);
      if (p === null) return false;
      if (s.minParams !== null && p < s.minParams) return false;
      if (s.maxParams !== null && p > s.maxParams) return false;
    }
    if (s.show !== 'both' && !columns.some((i) => cellValue(r.cells[i] ?? null, s.show) !== null))
      return false;
    return true;
  });
  const col = table.benchmarks.findIndex((b) => b.id === s.sort);
  const key: (r: LeaderboardRow) => number | string | null =
    s.sort === 'params'
      ? (r) => paramsOf(r, s.paramsAxis)
      : s.sort === 'family'
        ? (r) => r.family
        : col >= 0
          ? (r) => cellValue(r.cells[col] ?? null, s.show)
          : (r) => r.name;
  const keyed = rows.map((r) => ({ r, k: key(r) }));
  const dir = s.desc ? -1 : 1;
  keyed.sort((a, b) => {
    if (a.k === null || b.k === null)
      return a.k === b.k ? collate(a.r.model, b.r.model) : a.k === null ? 1 : -1;
    const c =
      typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : collate(String(a.k), String(b.k));
    return dir * c || collate(a.r.model, b.r.model);
  });
  return { columns, rows: keyed.map((x) => x.r) };
}
