import type { RunListing } from '../../app/queries/list-runs.ts';
import { percent } from '../format.ts';
import { useJson } from '../hooks.ts';
import { useProgress } from '../progress.ts';
import { routeHash } from '../route.ts';

/** Every run, newest first, with live status and counts for the running ones. */
export function RunsPage() {
  const { data, error } = useJson<RunListing[]>('/api/runs');
  const live = useProgress();
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p class="loading">Loading runs…</p>;
  return (
    <section>
      <h1>Runs</h1>
      {data.length === 0 && <p>No runs yet: `yardstick eval --help`.</p>}
      <table class="runs">
        <thead>
          <tr>
            <th>run</th>
            <th>status</th>
            <th>model</th>
            <th>benchmark</th>
            <th>samples</th>
            <th>correct</th>
            <th>errors</th>
            <th>created</th>
          </tr>
        </thead>
        <tbody>
          {data.map((r) => {
            const p = live.get(r.spec.id);
            const counts = p?.counts ?? r.counts;
            const status = p?.status ?? r.status;
            const scored = counts.samples - counts.error;
            return (
              <tr data-run={r.spec.id}>
                <td>
                  <a href={routeHash(['runs', r.spec.id])}>{r.spec.id}</a>
                </td>
                <td class={`status ${status}`}>{status}</td>
                <td>{r.spec.model}</td>
                <td>{r.spec.benchmark}</td>
                <td class="num" data-testid="samples">
                  {counts.samples}
                </td>
                <td class="num">{scored ? percent(counts.correct / scored) : '–'}</td>
                <td class="num">{counts.error}</td>
                <td>{r.spec.createdAt.slice(0, 19).replace('T', ' ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="muted">
        Compare two runs: <a href={routeHash(['compare'])}>compare</a>.
      </p>
    </section>
  );
}
