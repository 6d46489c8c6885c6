import { useEffect, useRef, useState } from 'preact/hooks';
import type { FigureView } from '../../app/queries/figure-view.ts';
import { useJson } from '../hooks.ts';
import { routeHash } from '../route.ts';

interface FigureSummary {
  id: string;
  title: string;
  chart: string;
  caption: string | null;
}

export function FigureListPage() {
  const { data, error } = useJson<FigureSummary[]>('/api/figures');
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p class="loading">Loading figures…</p>;
  return (
    <section>
      <h1>Figures</h1>
      {data.length === 0 && <p>No figures stored: run `yardstick catalog load`.</p>}
      <ul class="figure-list">
        {data.map((f) => (
          <li>
            <a href={routeHash(['figures', f.id])}>{f.title}</a> <span class="muted">{f.chart}</span>
            {f.caption && <p class="muted">{f.caption}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

type Point = FigureView['points'][number];

/** The data point a chart mark stands for: matched on the model's id or name in the datum. */
function pointOf(view: FigureView, datum: Record<string, unknown> | undefined): Point | null {
  if (!datum) return null;
  const names = [datum.model, datum.id, datum.name, datum.label].filter((x) => typeof x === 'string');
  const byModel = view.points.filter((p) => names.some((n) => n === p.model || n === p.name));
  const bench = datum.benchmark;
  const byBench =
    typeof bench === 'string'
      ? byModel.filter((p) => bench === p.benchmark || bench === p.benchmarkName)
      : byModel;
  // Two marks of one model and benchmark (measured and published) differ by value.
  const value = datum.value;
  return (
    (typeof value === 'number' ? byBench.find((p) => Math.abs(p.value - value) < 1e-9) : undefined) ??
    byBench[0] ??
    byModel[0] ??
    null
  );
}

/** One figure, interactive: tooltips with n, interval and source; a click opens the run or the model. */
export function FigurePage({ id }: { id: string }) {
  const { data, error } = useJson<FigureView>(`/api/figures/${encodeURIComponent(id)}`);
  const host = useRef<HTMLDivElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const [chartError, setChartError] = useState<string | null>(null);
  useEffect(() => {
    if (!data || !host.current) return;
    let finalize: (() => void) | null = null;
    let cancelled = false;
    (async () => {
      const [{ default: embed }, { expressionInterpreter }] = await Promise.all([
        import('vega-embed'),
        import('vega-interpreter'),
      ]);
      if (cancelled || !host.current) return;
      const result = await embed(host.current, data.spec as never, {
        actions: false,
        defaultStyle: false,
        renderer: 'svg',
        ast: true,
        expr: expressionInterpreter,
        tooltip: (
          _handler: unknown,
          event: MouseEvent,
          item: { datum?: Record<string, unknown> } | null,
          value: unknown,
        ) => {
          const el = tip.current;
          if (!el) return;
          if (value === null || value === undefined || !item) {
            el.hidden = true;
            return;
          }
          const p = pointOf(data, item.datum);
          const lines =
            typeof value === 'object'
              ? Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${String(v)}`)
              : [String(value)];
          if (p)
            lines.push(
              `n: ${p.n ?? 'unknown'}`,
              `interval: ${p.interval || 'unknown'}`,
              `source: ${p.source}`,
            );
          el.textContent = lines.join('\n');
          el.hidden = false;
          el.style.left = `${event.clientX + 12}px`;
          el.style.top = `${event.clientY + 12}px`;
        },
      });
      finalize = () => result.finalize();
      result.view.addEventListener('click', (_e, item) => {
        const p = pointOf(data, (item as { datum?: Record<string, unknown> } | null)?.datum);
        if (!p) return;
        location.hash = p.runId
          ? routeHash(['runs', p.runId])
          : routeHash(['leaderboard'], { q: p.model, cols: p.benchmark });
      });
      host.current.dataset.ready = 'true';
    })().catch((e: Error) => setChartError(e.message));
    return () => {
      cancelled = true;
      finalize?.();
    };
  }, [data]);
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p class="loading">Loading figure…</p>;
  const d = data.description;
  return (
    <section class="figure">
      <h1>{data.preset.title}</h1>
      {data.preset.caption && <p class="muted">{data.preset.caption}</p>}
      <div ref={host} class="chart" data-testid="chart" />
      <div ref={tip} class="tooltip" role="tooltip" hidden />
      {chartError && <p class="error">{chartError}</p>}
      <h2>Findings</h2>
      {data.findings.length === 0 ? (
        <p class="muted">No findings.</p>
      ) : (
        <ul class="findings">
          {data.findings.map((f) => (
            <li>
              <span class="tag">{f.kind}</span> {f.text}
            </li>
          ))}
        </ul>
      )}
      <h2>Description</h2>
      <div class="description">
        {d.sections.map((sec) => (
          <div>
            <h3>{sec.heading}</h3>
            {sec.paragraphs.map((para) => (
              <p>{para}</p>
            ))}
            {sec.bullets.length > 0 && (
              <ul>
                {sec.bullets.map((b) => (
                  <li>{b.trim()}</li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
