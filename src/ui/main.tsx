import { render } from 'preact';
import { useRoute } from './hooks.ts';
import { ComparePage } from './pages/compare.tsx';
import { FigureListPage, FigurePage } from './pages/figures.tsx';
import { LeaderboardPage } from './pages/leaderboard.tsx';
import { RunPage } from './pages/run.tsx';
import { RunsPage } from './pages/runs.tsx';
import { SamplePage } from './pages/sample.tsx';
import { routeHash } from './route.ts';
import './styles.css';

const NAV = [
  ['leaderboard', 'Leaderboard'],
  ['figures', 'Figures'],
  ['runs', 'Runs'],
  ['compare', 'Compare'],
] as const;

function Page() {
  const { path, params } = useRoute();
  const [page, id] = path;
  switch (page) {
    case 'figures':
      return id ? <FigurePage id={id} /> : <FigureListPage />;
    case 'runs':
      return id ? <RunPage id={id} query={params} /> : <RunsPage />;
    case 'sample':
      return <SamplePage runId={id ?? ''} query={params} />;
    case 'compare':
      return <ComparePage query={params} />;
    case 'leaderboard':
      return <LeaderboardPage query={params} />;
    default:
      return <p class="error">No page "{page}".</p>;
  }
}

function App() {
  const { path } = useRoute();
  return (
    <>
      <header>
        <span class="brand">Yardstick</span>
        <nav>
          {NAV.map(([p, label]) => (
            <a
              href={routeHash([p])}
              class={path[0] === p || (p === 'runs' && path[0] === 'sample') ? 'active' : ''}
            >
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main>
        <Page />
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
