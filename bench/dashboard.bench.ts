/// <reference lib="dom" />
// Dashboard bench (issue 17): `yardstick serve` and its pages in headless Chromium on a large store.
// Targets: server start < 0.5 s; a 100,000-sample run shows its first rows <= 1 s and opens any sample
// <= 200 ms (p95) with browser memory <= 150 MB; a 5,000-model x 20-benchmark leaderboard filters or
// sorts <= 100 ms (p95); two 100,000-sample runs compare <= 300 ms; live progress reaches the page
// <= 1 s after a sample is stored; UI code <= 250 kB gzipped, Vega excluded.
// Usage: node bench/dashboard.bench.ts [--samples N] [--models N] [--benchmarks N]
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { buildCli } from '../scripts/build-cli.ts';
import { buildUi } from '../scripts/build-ui.ts';
import { openSqliteStore } from '../src/adapters/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../src/adapters/store/store.ts';
import {
  Benchmark,
  ModelCard,
  Result,
  RunSpec,
  type SampleRecord,
  SampleRecord as SampleSchema,
} from '../src/core/schema/index.ts';
import { createApp } from '../src/server/create-app.ts';
import { startServer } from '../src/server/start-server.ts';
import { launchChromium } from '../test/helpers/chromium.ts';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '100000' },
    models: { type: 'string', default: '5000' },
    benchmarks: { type: 'string', default: '20' },
  },
});
const SAMPLES = Number(values.samples);
const MODELS = Number(values.models);
const BENCHMARKS = Number(values.benchmarks);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
const line = (name: string, value: string, target: string, ok: boolean) =>
  process.stdout.write(
    `${name.padEnd(44)} ${value.padStart(22)}   target ${target}${ok ? '' : '   MISSED'}\n`,
  );

function spec(id: string, model: string, benchmark: string): RunSpec {
  return RunSpec.parse({
    id,
    model,
    provider: { kind: 'provider', name: 'openai', args: {} },
    benchmark,
    task: { kind: 'task', name: benchmark, args: {} },
    promptTemplateHash: 'h',
    generation: {},
    toolVersion: 'bench',
    createdAt: new Date().toISOString(),
  });
}

function sampleOf(runId: string, i: number, seed: number, createdAt: string): SampleRecord {
  const ok = (i * 7 + seed) % 3 !== 0;
  return {
    runId,
    itemId: `item-${String(i).padStart(7, '0')}`,
    sampleIndex: 0,
    messages: [{ role: 'user', content: `Question ${i}: what is ${i} + ${seed}?` }],
    response: `Let me add ${i} and ${seed}. The answer is ${ok ? i + seed : i}.`,
    reasoning: null,
    extracted: String(ok ? i + seed : i),
    verdict: i % 997 === 0 ? 'error' : ok ? 'correct' : 'incorrect',
    score: i % 997 === 0 ? null : ok ? 1 : 0,
    promptTokens: 20,
    completionTokens: 15,
    latencyMs: 120,
    error: i % 997 === 0 ? 'HTTP 500' : null,
    scorerVersion: 'bench',
    scoring: null,
    target: String(i + seed),
    tags: {},
    createdAt,
  };
}

async function fill(store: Store): Promise<void> {
  const benchmarks = Array.from({ length: BENCHMARKS }, (_, b) =>
    Benchmark.parse({ id: `bench-${b}`, name: `Bench ${b}`, domain: 'math', metric: 'accuracy' }),
  );
  const families = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Eps'];
  const models = Array.from({ length: MODELS }, (_, m) =>
    ModelCard.parse({
      id: `model-${m}`,
      name: `Model ${m}`,
      family: families[m % families.length],
      totalParamsB: 1 + (m % 70),
      categories: [m % 2 ? 'chat' : 'base'],
    }),
  );
  const results = models.flatMap((m, i) =>
    benchmarks.map((b, j) =>
      Result.parse({
        model: m.id,
        benchmark: b.id,
        metric: 'accuracy',
        value: ((i * 31 + j * 17) % 1000) / 10,
        stderr: 1.5,
        source: 'publication',
        paper: 'Bench paper',
      }),
    ),
  );
  await store.importBatch({ models, benchmarks, results });
  const createdAt = new Date().toISOString();
  for (const [id, seed] of [
    ['run-a', 1],
    ['run-b', 2],
  ] as const) {
    await store.createRun(spec(id, 'model-0', 'bench-0'));
    for (let i = 0; i < SAMPLES; i += 5000)
      await store.putSamples(
        Array.from({ length: Math.min(5000, SAMPLES - i) }, (_, k) => sampleOf(id, i + k, seed, createdAt)),
      );
    await store.updateRun(id, { status: 'finished', finishedAt: new Date().toISOString() });
  }
}

/** Time for `yardstick serve` (the bundled CLI, as installed) to print its address. */
async function serverStart(storeFile: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/yardstick.js'), '--store', storeFile, 'serve', '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const t = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('dashboard at')) resolve(performance.now() - t0);
    });
    child.on('close', () => reject(new Error('serve exited')));
  });
  child.kill('SIGTERM');
  await new Promise((r) => child.on('close', r));
  return t;
}

/** In the page: sets the hash, then resolves with the ms until `ready` holds on an animation frame. */
function timeView(page: Page, hash: string, ready: string): Promise<number> {
  return page.evaluate(
    ([h, r]) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        const check = new Function(`return (${r})`) as () => boolean;
        location.hash = h;
        const tick = () => (check() ? resolve(performance.now() - t0) : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    [hash, ready] as const,
  );
}

async function main() {
  process.stdout.write('building the CLI bundle and the UI...\n');
  await buildCli();
  const uiDir = mkdtempSync(join(tmpdir(), 'yardstick-bench-ui-'));
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-bench-serve-'));
  await buildUi(uiDir);
  const assets = readdirSync(join(uiDir, 'assets'));
  const gz = (f: string) => gzipSync(readFileSync(join(uiDir, 'assets', f))).length;
  const uiBytes = assets.filter((f) => !/^(embed|vega)/.test(f)).reduce((s, f) => s + gz(f), 0);
  const vegaBytes = assets.filter((f) => /^(embed|vega)/.test(f)).reduce((s, f) => s + gz(f), 0);
  line(
    'UI code, gzipped (Vega excluded)',
    `${(uiBytes / 1024).toFixed(1)} kB`,
    '<= 250 kB',
    uiBytes <= 250 * 1024,
  );
  process.stdout.write(
    `  (Vega chunks, loaded with the first figure: ${(vegaBytes / 1024).toFixed(0)} kB gzipped)\n`,
  );

  const storeFile = join(dir, 'store.db');
  const store = await openSqliteStore(storeFile);
  const tFill = performance.now();
  await fill(store);
  process.stdout.write(
    `store: ${MODELS} models x ${BENCHMARKS} benchmarks, two runs of ${SAMPLES} samples (${((performance.now() - tFill) / 1000).toFixed(1)} s to write)\n`,
  );
  const starts = [];
  for (let i = 0; i < 3; i++) starts.push(await serverStart(storeFile));
  line(
    'serve: start to listening (best of 3)',
    ms(Math.min(...starts)),
    '< 500 ms',
    Math.min(...starts) < 500,
  );

  const app = createApp({ store, uiDir });
  const compareApi = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await (await app.request('/api/compare?a=run-a&b=run-b')).json();
    compareApi.push(performance.now() - t0);
  }
  line(
    'compare 2 x 100k: API (best of 3)',
    ms(Math.min(...compareApi)),
    '<= 300 ms',
    Math.min(...compareApi) <= 300,
  );
  const itemsApi = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await (await app.request('/api/compare/items?a=run-a&b=run-b&change=regressed&limit=1000')).json();
    itemsApi.push(performance.now() - t0);
  }
  process.stdout.write(`  (compare 2 x 100k: a page of 1000 items, API: ${ms(Math.min(...itemsApi))})\n`);

  const server = await startServer({ store, uiDir, host: '127.0.0.1', port: 0 });
  const chromium = await launchChromium({ width: 1280, height: 900 });
  try {
    const page = await chromium.browser.newPage();
    // First rows of a 100k-sample run, from navigation start.
    const firsts = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${server.url}#/runs/run-a`);
      firsts.push(
        (await (
          await page.waitForFunction(
            () => document.querySelector('[data-testid=sample-rows] .sample-row') && performance.now(),
            undefined,
            { polling: 'raf' },
          )
        ).jsonValue()) as number,
      );
    }
    line(
      '100k run: first rows (best of 3)',
      ms(Math.min(...firsts)),
      '<= 1000 ms',
      Math.min(...firsts) <= 1000,
    );
    // Any sample opens: 40 samples across the run.
    const opens = [];
    for (let k = 0; k < 40; k++) {
      const i = Math.floor(((k * 7919) % SAMPLES) + 0.5);
      const item = `item-${String(i).padStart(7, '0')}`;
      opens.push(
        await timeView(
          page,
          `#/sample/run-a?index=0&item=${item}`,
          `document.querySelector('h1')?.textContent?.startsWith('${item}') && document.querySelector('[data-testid=response]')`,
        ),
      );
    }
    line('100k run: open a sample (p95 of 40)', ms(pct(opens, 95)), '<= 200 ms', pct(opens, 95) <= 200);
    // Memory after scrolling through 20,000 rows of the sample table.
    await timeView(page, '#/runs/run-a', `document.querySelector('[data-testid=sample-rows] .sample-row')`);
    for (let s = 0; s < 100; s++) {
      await page.evaluate(() => {
        const el = document.querySelector('[data-testid=sample-rows]')!;
        el.scrollTop += 200 * 28;
      });
      await page.waitForTimeout(30);
    }
    const loaded = await page.textContent('[data-testid=sample-count]');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (n: string) => metrics.find((m) => m.name === n)?.value ?? 0;
    const heapMb = metric('JSHeapUsedSize') / 1e6;
    line(
      `100k run: JS heap after scrolling (${loaded})`,
      `${heapMb.toFixed(1)} MB`,
      '<= 150 MB',
      heapMb <= 150,
    );
    process.stdout.write(
      `  (DOM nodes: ${metric('Nodes')}, JS heap total ${(metric('JSHeapTotalSize') / 1e6).toFixed(1)} MB)\n`,
    );
    // Compare page.
    const cmp = await timeView(
      page,
      '#/compare?a=run-a&b=run-b',
      `document.querySelector('[data-testid=compare-summary]')`,
    );
    line('compare 2 x 100k: page shows the result', ms(cmp), '<= 300 ms', cmp <= 300);
    // Leaderboard: load, then filters and sorts.
    const lbLoad = await timeView(
      page,
      '#/leaderboard',
      `document.querySelector('[data-testid=leaderboard-rows] [data-model]')`,
    );
    process.stdout.write(`  (leaderboard ${MODELS} x ${BENCHMARKS}: first load ${ms(lbLoad)})\n`);
    const views = [];
    for (let k = 0; k < 20; k++) {
      const b = k % BENCHMARKS;
      const hash =
        k % 4 === 0
          ? `#/leaderboard?dir=desc&sort=bench-${b}`
          : k % 4 === 1
            ? `#/leaderboard?family=Beta&sort=bench-${b}`
            : k % 4 === 2
              ? `#/leaderboard?max=30&min=${k}&sort=params`
              : `#/leaderboard?q=model-${k}`;
      views.push(
        await timeView(
          page,
          hash,
          `document.querySelector('.leaderboard .table')?.dataset.view === ${JSON.stringify(hash)}`,
        ),
      );
    }
    line('leaderboard: filter or sort (p95 of 20)', ms(pct(views, 95)), '<= 100 ms', pct(views, 95) <= 100);
    // Live progress: one sample stored, until the run page shows it.
    await store.createRun(spec('live', 'model-1', 'bench-1'));
    await page.goto(`${server.url}#/runs/live`);
    await page.waitForSelector('[data-testid=stored]');
    const lags = [];
    const createdAt = new Date().toISOString();
    for (let i = 0; i < 10; i++) {
      await store.putSamples([SampleSchema.parse(sampleOf('live', i, 3, createdAt))]);
      const t0 = performance.now();
      await page.waitForFunction(
        (n) => document.querySelector('[data-testid=stored]')?.textContent === String(n),
        i + 1,
        {
          polling: 'raf',
        },
      );
      lags.push(performance.now() - t0);
    }
    line(
      'live progress: stored to shown (p95 of 10)',
      ms(pct(lags, 95)),
      '<= 1000 ms',
      pct(lags, 95) <= 1000,
    );
  } finally {
    await chromium.close();
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(uiDir, { recursive: true, force: true });
  }
}

await main();
