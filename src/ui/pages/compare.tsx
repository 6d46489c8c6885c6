import type { ComparedItemsPage, ComparisonSummary } from '../../app/queries/compare-two-runs.ts';
import type { RunListing } from '../../app/queries/list-runs.ts';
import type { ItemChange, ItemComparison } from '../../core/compare/compare-items.ts';
import { apiPath, getJson } from '../api.ts';
import { useJson } from '../hooks.ts';
import { routeHash } from '../route.ts';
import { VirtualRows } from '../virtual-rows.tsx';
import { useKeysetRows } from '../keyset-rows.ts';

const CHANGES: ItemChange[] = ['improved', 'regressed', 'unchanged', 'only-a', 'only-b'];
/** Items per page: the page size `serve --bundle` writes too (write-bundle.ts). */
const PAGE = 1000;

/** Two runs' items (of one change, or all), a keyset page at a time as the list nears its end. */
function useItemRows(a: string, b: string, change: string, on: boolean) {
  const fetchPage = async (after: string | null) => {
    const page = await getJson<ComparedItemsPage>(
      apiPath('/api/compare/items', { a, b, change, after, limit: PAGE }),
    );
    return { rows: page.items, next: page.next };
  };
  return useKeysetRows<ItemComparison>(on ? fetchPage : null, JSON.stringify([a, b, change]));
}

/** Two runs item by item: improved, regressed, unchanged, with the paired test and links to both samples. */
export function ComparePage({ query }: { query: Record<string, string> }) {
  const a = query.a ?? '';
  const b = query.b ?? '';
  const show = query.show ?? '';
  const runs = useJson<RunListing[]>('/api/runs');
  const { data, error } = useJson<ComparisonSummary>(a && b ? apiPath('/api/compare', { a, b }) : null);
  // The counts and the paired test come first; the items follow by pages, once the summary is shown.
  const list = useItemRows(a, b, show, !!data);
  const set = (change: Record<string, string>) => {
    location.hash = routeHash(['compare'], { a, b, show, ...change });
  };
  const pick = (name: 'a' | 'b', value: string) => (
    <select name={name} value={value} onChange={(e) => set({ [name]: e.currentTarget.value })}>
      <option value="">choose run {name}</option>
      {(runs.data ?? []).map((r) => (
        <option value={r.spec.id}>
          {r.spec.id} ({r.spec.model}, {r.spec.benchmark})
        </option>
      ))}
    </select>
  );
  const items = data ? list.rows : [];
  const more = (last: number) => {
    if (last >= items.length - 50) list.more();
  };
  const grid = { gridTemplateColumns: '16rem 7rem 7rem 8rem 10rem' };
  const t = data?.test;
  return (
    <section class="compare">
      <h1>Compare runs</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        {pick('a', a)} → {pick('b', b)}
        <select name="show" value={show} onChange={(e) => set({ show: e.currentTarget.value })}>
          <option value="">every item</option>
          {CHANGES.map((c) => (
            <option value={c}>{c}</option>
          ))}
        </select>
      </form>
      {(error ?? list.error) && <p class="error">{error ?? list.error}</p>}
      {a && b && !data && !error && <p class="loading">Comparing…</p>}
      {data && (
        <>
          <p class="summary" data-testid="compare-summary">
            {CHANGES.map((c) => `${data.counts[c]} ${c}`).join(', ')}.
          </p>
          <p data-testid="paired-test">
            {t
              ? `Mean over ${t.items} paired items: ${t.scoreA.toFixed(1)} → ${t.scoreB.toFixed(1)}; difference ${t.difference.toFixed(1)} points (95% CI ${t.low.toFixed(1)} to ${t.high.toFixed(1)}; unpaired it would be ${t.unpaired.low.toFixed(1)} to ${t.unpaired.high.toFixed(1)}), ${t.method === 'exact-mcnemar' ? 'exact McNemar' : 'paired bootstrap'} p = ${t.p.toPrecision(2)}.`
              : 'Too few paired items for a paired test.'}
          </p>
          <div class="table">
            <div class="thead grid" style={grid}>
              <span>item</span>
              <span>a</span>
              <span>b</span>
              <span>change</span>
              <span>samples</span>
            </div>
            <VirtualRows
              count={items.length}
              rowHeight={28}
              testId="compare-rows"
              onRange={more}
              row={(i) => {
                const x = items[i]!;
                return (
                  <div class="grid" style={grid} data-item={x.itemId}>
                    <span>{x.itemId}</span>
                    <span class="num">{x.a === null ? '–' : x.a.toFixed(2)}</span>
                    <span class="num">{x.b === null ? '–' : x.b.toFixed(2)}</span>
                    <span class={`change ${x.change}`}>{x.change}</span>
                    <span>
                      <a href={routeHash(['sample', a], { item: x.itemId, index: 0 })}>a</a>{' '}
                      <a href={routeHash(['sample', b], { item: x.itemId, index: 0 })}>b</a>
                    </span>
                  </div>
                );
              }}
            />
          </div>
        </>
      )}
    </section>
  );
}
