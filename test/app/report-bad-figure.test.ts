import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Store } from '../../src/adapters/store/store.ts';
import { buildReport, type ReportSummary } from '../../src/app/build-report.ts';
import { type FigurePresetInput, FigurePreset } from '../../src/core/schema/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { catalogStore } from './report-fixture.ts';

let store: Store;
let dir: string;
let summary: ReportSummary;

const figure = (id: string, over: Partial<FigurePresetInput>) =>
  FigurePreset.parse({
    id,
    chart: 'heatmap',
    title: `Figure ${id}`,
    benchmarks: ['livecodebench-v5', 'aime-2024'],
    ...over,
  });

before(async () => {
  ({ store, dir } = await catalogStore());
  await store.importBatch({
    figures: [
      figure('unknown-scheme', { options: { scheme: 'no-such-scheme' } }),
      figure('url-colour', {
        chart: 'size-scatter',
        benchmarks: ['livecodebench-v5'],
        options: { accent: 'url(http://attacker.example/x.svg#a)' },
      }),
    ],
  });
  summary = await buildReport(store, {
    outDir: join(dir, 'report'),
    figures: ['fig1-livecodebench-v5', 'unknown-scheme', 'url-colour'],
  });
});
after(async () => store?.close());

test('a figure whose options Vega rejects shows the error in its place; the other figures are drawn', {}, () => {
  const byId = new Map(summary.figures.map((f) => [f.id, f]));
  assert.equal(byId.get('fig1-livecodebench-v5')!.error, null);
  assert.equal(
    byId.get('unknown-scheme')!.error,
    'figure "unknown-scheme": Vega rejected it: Unrecognized scheme name: no-such-scheme',
  );
  const html = readFileSync(summary.index, 'utf8');
  assert.match(
    html,
    /<section id="unknown-scheme" data-figure-error="unknown-scheme">\n<h2>Figure unknown-scheme<\/h2>\n<p class="figure-error">This figure could not be drawn: figure &quot;unknown-scheme&quot;: Vega rejected it: Unrecognized scheme name: no-such-scheme<\/p>/,
  );
  assert.match(html, /<section id="fig1-livecodebench-v5" data-figure=/);
  assert.doesNotMatch(html, /\n\s+at /, 'no stack trace');
});

test('a colour that names a URL is refused, so no figure file can load anything from outside', {}, () => {
  const f = summary.figures.find((x) => x.id === 'url-colour')!;
  assert.equal(
    f.error,
    'figure "url-colour": option accent: must be a colour: #rrggbb, rgb(...), hsl(...) or a CSS colour name',
  );
  assert.doesNotMatch(readFileSync(summary.index, 'utf8'), /url\(http/);
  const r = runCli([
    '--store',
    join(dir, 'store.db'),
    'chart',
    'size-scatter',
    '-b',
    'livecodebench-v5',
    '--color',
    'qwen3-32b=url(http://attacker.example/x)',
    '-o',
    join(dir, 'standalone.svg'),
  ]);
  assert.equal(r.status, 3);
  assert.equal(
    r.stderr,
    'yardstick: figure "chart": option colors.qwen3-32b: must be a colour: #rrggbb, rgb(...), hsl(...) or a CSS colour name\n',
  );
});

test('the report command writes the report, names each figure it could not draw in one line, and exits 3', {}, () => {
  const out = join(dir, 'cli-report');
  const r = runCli([
    '--store',
    join(dir, 'store.db'),
    'report',
    '-o',
    out,
    '--figure',
    'fig1-livecodebench-v5,unknown-scheme',
  ]);
  assert.equal(r.status, 3, r.stderr);
  assert.equal(
    r.stderr,
    'yardstick: figure "unknown-scheme": Vega rejected it: Unrecognized scheme name: no-such-scheme; the report shows this in its place\n',
  );
  assert.match(r.stdout, /fig1-livecodebench-v5: fig1-livecodebench-v5\.png/);
  assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /data-figure-error="unknown-scheme"/);
});
