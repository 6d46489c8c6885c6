import type { RunOverview } from '../../app/queries/run-overview.ts';
import type { SampleListing } from '../../app/queries/sample-listing.ts';
import { apiPath, getJson } from '../api.ts';
import { percent } from '../format.ts';
import { useJson } from '../hooks.ts';
import { useProgress } from '../progress.ts';
import { routeHash } from '../route.ts';
import { VirtualRows } from '../virtual-rows.tsx';
import { useKeysetRows } from '../keyset-rows.ts';

type Row = SampleListing['samples'][number];
const PAGE = 200;
const VERDICTS = ['correct', 'incorrect', 'no-answer', 'error'] as const;
const TRUNCATED = 'truncated';

/** A run's samples, loaded a keyset page at a time as the table scrolls towards the end. */
function useSampleRows(runId: string, verdict: string, q: string) {
  const fetchPage = async (after: string | null) => {
    const page = await getJson<SampleListing>(
      apiPath(`/api/runs/${encodeURIComponent(runId)}/samples`, {
        limit: PAGE,
        q,
        after,
        // "truncated" is not a verdict: it asks for the samples the token limit cut off.
        ...(verdict === TRUNCATED ? { truncated: 1 } : { verdict }),
      }),
    );
    return { rows: page.samples, next: page.next };
  };
  return useKeysetRows<Row>(fetchPage, JSON.stringify([runId, verdict, q]));
}

/** The run's spec, live counts, mean score and error summary. */
function RunHeader({ id, data }: { id: string; data: RunOverview }) {
  const live = useProgress(data.status === 'running' || data.status === 'queued' ? [id] : []);
  const p = live.get(id);
  const counts = p?.counts ?? data.counts;
  const status = p?.status ?? data.status;
  const spec = data.spec;
  return (
    <>
      <h1>
        Run {spec.id} <span class={`status ${status}`}>{status}</span>
      </h1>
      <dl class="spec">
        <dt>model</dt>
        <dd>{spec.model}</dd>
        <dt>provider</dt>
        <dd>
          {spec.provider.name}
          {spec.endpoint ? ` ${spec.endpoint}` : ''}
        </dd>
        <dt>benchmark</dt>
        <dd>
          {spec.benchmark}
          {spec.benchmarkVersion ? ` ${spec.benchmarkVersion}` : ''}
        </dd>
        <dt>generation</dt>
        <dd>
          temperature {spec.generation.temperature}, samples {spec.samples}, seed {spec.seed}
          {spec.limit ? `, limit ${spec.limit}` : ''}
        </dd>
        <dt>stored</dt>
        <dd data-testid="stored">{counts.samples}</dd>
        <dt>verdicts</dt>
        <dd>
          {counts.correct} correct, {counts.incorrect} incorrect, {counts.noAnswer} no answer, {counts.error}{' '}
          errors
        </dd>
        <dt>mean score</dt>
        <dd>{percent(data.meanScore)}</dd>
      </dl>
      {data.errors.length > 0 && (
        <>
          <h2>Errors</h2>
          <ul class="errors">
            {data.errors.map((e) => (
              <li>
                {e.count} × {e.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** One run: spec, live counts, mean score, error summary and its samples in a virtualised table. */
export function RunPage({ id, query }: { id: string; query: Record<string, string> }) {
  const verdict = query.verdict ?? '';
  const q = query.q ?? '';
  const { data, error } = useJson<RunOverview>(`/api/runs/${encodeURIComponent(id)}`);
  const samples = useSampleRows(id, verdict, q);
  const set = (change: Record<string, string>) => {
    location.hash = routeHash(['runs', id], { verdict, q, ...change });
  };
  const grid = { gridTemplateColumns: '14rem 4rem 7rem 8rem minmax(10rem, 1fr)' };
  return (
    <section class="run">
      {error ? (
        <p class="error">{error}</p>
      ) : data ? (
        <RunHeader id={id} data={data} />
      ) : (
        <h1 class="loading">Run {id}</h1>
      )}
      <h2>Samples</h2>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <select name="verdict" value={verdict} onChange={(e) => set({ verdict: e.currentTarget.value })}>
          <option value="">every verdict</option>
          {VERDICTS.map((v) => (
            <option value={v}>{v}</option>
          ))}
          <option value={TRUNCATED}>truncated (hit the token limit)</option>
        </select>
        <input
          name="q"
          placeholder="search item, response, answer"
          value={q}
          onChange={(e) => set({ q: e.currentTarget.value })}
        />
        <a href={routeHash(['compare'], { a: id })}>compare with another run</a>
      </form>
      {samples.error && <p class="error">{samples.error}</p>}
      <p class="count" data-testid="sample-count">
        {samples.rows.length}
        {samples.done ? '' : '+'} samples
      </p>
      <div class="table">
        <div class="thead grid" style={grid}>
          <span>item</span>
          <span>#</span>
          <span>verdict</span>
          <span>extracted</span>
          <span>response</span>
        </div>
        <VirtualRows
          count={samples.rows.length}
          rowHeight={28}
          testId="sample-rows"
          onRange={(last) => {
            if (last >= samples.rows.length - 50) samples.more();
          }}
          row={(i) => {
            const s = samples.rows[i]!;
            return (
              <a
                class="grid sample-row"
                style={grid}
                href={routeHash(['sample', id], { item: s.itemId, index: s.sampleIndex })}
              >
                <span>{s.itemId}</span>
                <span class="num">{s.sampleIndex}</span>
                <span class={`verdict ${s.verdict}`}>{s.verdict}</span>
                <span>{s.extracted ?? ''}</span>
                <span class="preview">{s.error ?? s.preview ?? ''}</span>
              </a>
            );
          }}
        />
      </div>
    </section>
  );
}
