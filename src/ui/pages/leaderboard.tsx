import { useMemo } from 'preact/hooks';
import type { LeaderboardCell, LeaderboardTable } from '../../core/query/leaderboard-table.ts';
import { apiPath } from '../api.ts';
import { interval, params, score } from '../format.ts';
import { useJson } from '../hooks.ts';
import {
  type LeaderboardState,
  leaderboardParams,
  leaderboardStateFrom,
  leaderboardView,
} from '../leaderboard-view.ts';
import { routeHash } from '../route.ts';
import { VirtualRows } from '../virtual-rows.tsx';

function Cell({ cell, show }: { cell: LeaderboardCell | null; show: LeaderboardState['show'] }) {
  if (!cell) return <span class="cell empty">–</span>;
  const m = show !== 'published' ? cell.measured : null;
  const p = show !== 'measured' ? cell.published : null;
  return (
    <span class="cell">
      {m && (
        <a
          class="measured"
          href={routeHash(['runs', m.ref])}
          title={`measured, run ${m.ref}${m.n ? `, n=${m.n}` : ''} ${interval(m.low, m.high)}`}
        >
          {score(m.value)}
        </a>
      )}
      {p && (
        <span class="published" title={`published: ${p.ref} ${interval(p.low, p.high)}`}>
          {score(p.value)}
        </span>
      )}
    </span>
  );
}

/** A select of one value (or none) among options, for a list-valued filter. */
function Choice(p: {
  name: string;
  label: string;
  options: string[];
  value: string[];
  onPick: (v: string[]) => void;
}) {
  return (
    <select
      name={p.name}
      value={p.value[0] ?? ''}
      onChange={(e) => p.onPick(e.currentTarget.value ? [e.currentTarget.value] : [])}
    >
      <option value="">{p.label}</option>
      {p.options.map((o) => (
        <option value={o}>{o}</option>
      ))}
    </select>
  );
}

/** A parameter count in billions, or empty for no bound. */
function SizeField(p: { name: 'min' | 'max'; value: number | null; onSize: (v: number | null) => void }) {
  return (
    <input
      name={p.name}
      type="number"
      min="0"
      step="any"
      placeholder={`${p.name} B`}
      value={p.value ?? ''}
      onChange={(e) => p.onSize(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
    />
  );
}

/** Models x benchmarks; every filter, the sort and the columns live in the URL. */
export function LeaderboardPage({ query }: { query: Record<string, string> }) {
  const serverFilter = { source: query.source, condition: query.condition };
  const { data, error } = useJson<LeaderboardTable>(apiPath('/api/results/leaderboard', serverFilter));
  const state = leaderboardStateFrom(query);
  const hashOf = (s: LeaderboardState) =>
    routeHash(['leaderboard'], { ...serverFilter, ...leaderboardParams(s) });
  const set = (change: Partial<LeaderboardState>) => {
    location.hash = hashOf({ ...state, ...change });
  };
  const view = useMemo(() => (data ? leaderboardView(data, state) : null), [data, JSON.stringify(state)]);
  if (error) return <p class="error">{error}</p>;
  if (!data || !view) return <p class="loading">Loading leaderboard…</p>;
  const families = [...new Set(data.rows.map((r) => r.family))].sort();
  const categories = [...new Set(data.rows.flatMap((r) => r.categories))].sort();
  const sortBy = (key: string) => set({ sort: key, desc: state.sort === key ? !state.desc : key !== 'name' });
  const arrow = (key: string) => (state.sort === key ? (state.desc ? ' ▼' : ' ▲') : '');
  const cols = view.columns;
  const grid = { gridTemplateColumns: `16rem 6rem 8rem repeat(${cols.length}, 7.5rem)` };
  return (
    <section class="leaderboard">
      <h1>Leaderboard</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <input
          name="q"
          placeholder="model"
          value={state.q}
          onChange={(e) => set({ q: e.currentTarget.value })}
        />
        <Choice
          name="family"
          label="any family"
          options={families}
          value={state.families}
          onPick={(v) => set({ families: v })}
        />
        <Choice
          name="category"
          label="any category"
          options={categories}
          value={state.categories}
          onPick={(v) => set({ categories: v })}
        />
        <SizeField name="min" value={state.minParams} onSize={(v) => set({ minParams: v })} />
        <SizeField name="max" value={state.maxParams} onSize={(v) => set({ maxParams: v })} />
        <select
          name="show"
          value={state.show}
          onChange={(e) => set({ show: e.currentTarget.value as LeaderboardState['show'] })}
        >
          <option value="both">measured and published</option>
          <option value="measured">measured only</option>
          <option value="published">published only</option>
        </select>
        {(['source', 'condition'] as const).map((key) => (
          <input
            name={key}
            placeholder={key === 'source' ? 'source: run, publication, paper' : 'condition'}
            value={query[key] ?? ''}
            onChange={(e) => {
              location.hash = routeHash(['leaderboard'], {
                ...serverFilter,
                ...leaderboardParams(state),
                [key]: e.currentTarget.value,
              });
            }}
          />
        ))}
        <details class="columns">
          <summary>
            columns ({cols.length}/{data.benchmarks.length})
          </summary>
          {data.benchmarks.map((b) => (
            <label>
              <input
                type="checkbox"
                name={`col-${b.id}`}
                checked={state.columns.length === 0 || state.columns.includes(b.id)}
                onChange={(e) => {
                  const shown = state.columns.length ? state.columns : data.benchmarks.map((x) => x.id);
                  const next = e.currentTarget.checked ? [...shown, b.id] : shown.filter((x) => x !== b.id);
                  set({ columns: next.length === data.benchmarks.length ? [] : next });
                }}
              />
              {b.name}
            </label>
          ))}
        </details>
      </form>
      <p class="count" data-testid="row-count">
        {view.rows.length} of {data.rows.length} models
      </p>
      <div class="table" data-view={hashOf(state)}>
        <div class="thead grid" style={grid}>
          <button type="button" onClick={() => sortBy('name')}>
            model{arrow('name')}
          </button>
          <button type="button" onClick={() => sortBy('params')}>
            params{arrow('params')}
          </button>
          <button type="button" onClick={() => sortBy('family')}>
            family{arrow('family')}
          </button>
          {cols.map((i) => (
            <button
              type="button"
              data-sort={data.benchmarks[i]!.id}
              onClick={() => sortBy(data.benchmarks[i]!.id)}
            >
              {data.benchmarks[i]!.name}
              {arrow(data.benchmarks[i]!.id)}
            </button>
          ))}
        </div>
        <VirtualRows
          count={view.rows.length}
          rowHeight={30}
          testId="leaderboard-rows"
          row={(i) => {
            const r = view.rows[i]!;
            return (
              <div class="grid" style={grid} data-model={r.model}>
                <span class="name">{r.name}</span>
                <span class="num">
                  {params(
                    state.paramsAxis === 'active' ? (r.activeParamsB ?? r.totalParamsB) : r.totalParamsB,
                  )}
                </span>
                <span>{r.family}</span>
                {cols.map((c) => (
                  <Cell cell={r.cells[c] ?? null} show={state.show} />
                ))}
              </div>
            );
          }}
        />
      </div>
      <p class="legend">
        <span class="measured">measured</span> <span class="published">published</span>; hover a score for its
        interval and source.
      </p>
    </section>
  );
}
