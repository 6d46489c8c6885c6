/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { buildUi, buildUiForFiles } from '../../scripts/build-ui.ts';
import type { Store } from '../../src/adapters/store/store.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { writeBundle } from '../../src/server/write-bundle.ts';
import { startFakeServer } from '../adapters/providers/fake-model-server.ts';
import { isLocalUrl, launchChromium, noChromium } from '../helpers/chromium.ts';
import { MAIN } from '../helpers/run-cli.ts';
import { dashboardStore } from './dashboard-fixture.ts';

const ARTIFACTS = fileURLToPath(new URL('../.artifacts/dashboard/', import.meta.url));

describe('dashboard in headless Chromium', { skip: noChromium }, () => {
  let store: Store;
  let storeFile: string;
  let server: RunningServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let uiDir: string;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    const fx = await dashboardStore();
    store = fx.store;
    storeFile = join(fx.dir, 'store.db');
    // The pages as the sources build them now, not whatever dist/ui holds.
    uiDir = mkdtempSync(join(tmpdir(), 'yardstick-ui-'));
    await buildUi(join(uiDir, 'served'));
    await buildUiForFiles(join(uiDir, 'file'));
    server = await startServer({ store, uiDir: join(uiDir, 'served'), host: '127.0.0.1', port: 0 });
    chromium = await launchChromium({ width: 1280, height: 900 });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await chromium?.close();
    await server?.close();
    await store?.close();
    rmSync(uiDir, { recursive: true, force: true });
    assert.deepEqual(pageErrors, [], 'no script error on any page');
    assert.deepEqual(
      requests.filter((u) => !isLocalUrl(u)),
      [],
      'no request leaves 127.0.0.1',
    );
  });

  async function open(hash: string): Promise<Page> {
    const page = await chromium.browser.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}${hash}`);
    return page;
  }
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const models = (page: Page) =>
    page.$$eval('[data-testid=leaderboard-rows] [data-model]', (rows) =>
      rows.map((r) => r.getAttribute('data-model')),
    );

  test('the leaderboard filters and sorts, and its URL restores the same view in a new page', async () => {
    const page = await open('#/leaderboard');
    await page.waitForSelector('[data-testid=leaderboard-rows] [data-model]');
    await page.selectOption('select[name=family]', 'Tiny');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=row-count]')?.textContent?.startsWith('2 of'),
    );
    await page.click('button[data-sort=arith]');
    await page.waitForFunction(() => location.hash.includes('sort=arith'));
    assert.deepEqual(await models(page), ['tiny-b', 'tiny-a']);
    await page.click('button[data-sort=arith]');
    await page.waitForFunction(() => !location.hash.includes('dir=desc'));
    assert.deepEqual(await models(page), ['tiny-a', 'tiny-b']);
    await shot(page, 'leaderboard');
    const url = page.url();
    assert.match(url, /family=Tiny/);
    const again = await chromium.browser.newPage();
    again.on('request', (r) => requests.push(r.url()));
    await again.goto(url);
    await again.waitForSelector('[data-testid=leaderboard-rows] [data-model]');
    assert.deepEqual(await models(again), ['tiny-a', 'tiny-b']);
    assert.equal(await again.inputValue('select[name=family]'), 'Tiny');
    // The source filter asks the server: only measured results leave Tiny B's published 70 out.
    await again.fill('input[name=source]', 'run');
    await again.press('input[name=source]', 'Enter');
    await again.waitForFunction(() => location.hash.includes('source=run'));
    await again.waitForFunction(() => !document.querySelector('[data-model=tiny-b] .published'));
    assert.equal(await again.textContent('[data-model=tiny-b] .measured'), '75.0');
    await page.close();
    await again.close();
  });

  test('a figure draws, shows n, interval and source on hover, and a click on a bar opens its run', async () => {
    const page = await open('#/figures/arith-runs');
    await page.waitForSelector('[data-testid=chart][data-ready=true] path[aria-roledescription="rect mark"]');
    // Tiny B has a measured (75) and a published (70) bar; the measured one leads to its run.
    const bar = page.locator('path[aria-roledescription="rect mark"][aria-label*="value: 75"]');
    await bar.hover();
    await page.waitForSelector('.tooltip:not([hidden])');
    const tip = await page.textContent('.tooltip');
    assert.match(tip!, /n: 40/);
    assert.match(tip!, /source: run run-b/);
    assert.ok((await page.$$('.findings li, .description h3')).length > 0, 'findings or description shown');
    await shot(page, 'figure');
    await bar.click();
    await page.waitForFunction(() => location.hash === '#/runs/run-b');
    await page.waitForSelector('[data-testid=sample-rows] .sample-row');
    await page.close();
  });

  test('a sample whose response holds a script shows it as text and runs nothing', async () => {
    const page = await open('#/sample/run-a?item=item-03&index=0');
    await page.waitForSelector('[data-testid=response]');
    const text = await page.textContent('[data-testid=response]');
    assert.ok(text!.includes('<script>window.__pwned = 1</script>'));
    assert.equal(
      await page.$$eval('[data-testid=response] script, [data-testid=response] img', (x) => x.length),
      0,
    );
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.isVisible('details.reasoning pre'), false, 'reasoning is folded');
    assert.equal(await page.textContent('[data-testid=gold]'), '3');
    assert.equal(await page.textContent('[data-testid=rule]'), 'answer-is took "7"');
    await page.click('details.reasoning summary');
    assert.equal(await page.textContent('details.reasoning pre'), 'First add, then check.');
    await shot(page, 'sample');
    await page.close();
  });

  test('the run page lists samples, filters them by verdict, and a row opens its sample', async () => {
    const page = await open('#/runs/run-a');
    await page.waitForSelector('[data-testid=sample-rows] .sample-row');
    assert.match((await page.textContent('[data-testid=sample-count]'))!, /^40 samples/);
    await page.selectOption('select[name=verdict]', 'error');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=sample-count]')?.textContent === '1 samples',
    );
    await page.click('[data-testid=sample-rows] .sample-row');
    await page.waitForFunction(() => location.hash.startsWith('#/sample/run-a?index=0&item=item-39'));
    await page.waitForSelector('pre.error');
    await page.close();
  });

  test('compare shows two runs item by item with the paired test, each item linking to both samples', async () => {
    const page = await open('#/compare?a=run-a&b=run-b&show=regressed');
    await page.waitForSelector('[data-testid=compare-summary]');
    assert.match(
      (await page.textContent('[data-testid=compare-summary]'))!,
      /19 improved, 10 regressed, 10 unchanged/,
    );
    assert.match((await page.textContent('[data-testid=paired-test]'))!, /39 paired items/);
    assert.equal(await page.$$eval('[data-testid=compare-rows] [data-item]', (x) => x.length), 10);
    await shot(page, 'compare');
    // The unchanged items come by pages after the summary: every item lists both kinds.
    await page.selectOption('select[name=show]', '');
    // 39 rows of 28 px: the list spans every item (only those in view are in the DOM).
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('[data-testid=compare-rows] .virtual-space')?.style.height ===
        '1092px',
    );
    await page.selectOption('select[name=show]', 'unchanged');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=compare-rows] [data-item]').length === 10,
    );
    await page.selectOption('select[name=show]', 'regressed');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=compare-rows] [data-item]').length === 10,
    );
    await page.click('[data-testid=compare-rows] [data-item] a >> text=b');
    await page.waitForFunction(() => location.hash.startsWith('#/sample/run-b?'));
    await page.waitForSelector('[data-testid=response]');
    await page.close();
  });

  test('an eval against a local fake server shows its progress rising on the runs page without a reload', async () => {
    const fake = await startFakeServer({ latencyMs: 40 });
    const child = spawn(
      process.execPath,
      [
        MAIN,
        '--store',
        storeFile,
        'eval',
        '-m',
        `openai:live@${fake.url}`,
        '-b',
        'arithmetic',
        '--limit',
        '120',
        '--concurrency',
        '1',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
    try {
      let runId: string | undefined;
      while (!runId) {
        runId = (await store.runs()).find((r) => r.spec.model === 'live')?.spec.id;
        if (!runId) await new Promise((r) => setTimeout(r, 50));
      }
      const page = await open('#/runs');
      const cell = `tr[data-run="${runId}"] [data-testid=samples]`;
      await page.waitForSelector(cell);
      const seen = new Set<number>();
      const loadId = await page.evaluate(() => performance.timeOrigin);
      for (;;) {
        const n = Number(await page.textContent(cell));
        seen.add(n);
        const status = await page.textContent(`tr[data-run="${runId}"] .status`);
        if (status !== 'running' && status !== 'queued') break;
        await page.waitForTimeout(100);
      }
      assert.equal(await exited, 0, stderr);
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === '120', cell);
      assert.ok(seen.size >= 3, `the count rose in steps: ${[...seen].join(', ')}`);
      assert.equal(await page.evaluate(() => performance.timeOrigin), loadId, 'the page was never reloaded');
      await shot(page, 'runs-live');
      await page.close();
    } finally {
      child.kill();
      await exited;
      await fake.close();
    }
  });

  test('a --bundle copy opens from file:// with its data as files: leaderboard, run, sample, compare', async () => {
    const out = join(uiDir, 'copy');
    const summary = await writeBundle(store, out, join(uiDir, 'file'));
    assert.ok(summary.files > 80, `${summary.files} files`);
    // A file:// page gets no headers: the copy carries the served policy in a meta tag, and still works.
    assert.match(
      readFileSync(join(out, 'index.html'), 'utf8'),
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self';/,
    );
    const page = await chromium.browser.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const base = `file://${out}/index.html`;
    await page.goto(`${base}#/leaderboard?family=Tiny`);
    await page.waitForSelector('[data-testid=leaderboard-rows] [data-model]');
    assert.deepEqual(await models(page), ['tiny-a', 'tiny-b']);
    await page.goto(`${base}#/runs/run-a`);
    await page.waitForFunction(
      () => document.querySelector('[data-testid=sample-count]')?.textContent === '40 samples',
    );
    await page.click('[data-testid=sample-rows] .sample-row >> nth=3');
    await page.waitForSelector('[data-testid=response]');
    assert.ok((await page.textContent('[data-testid=response]'))!.includes('<script>'));
    await page.goto(`${base}#/compare?a=run-a&b=run-b&show=unchanged`);
    await page.waitForSelector('[data-testid=compare-summary]');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=compare-rows] [data-item]').length === 10,
    );
    await page.goto(`${base}#/figures/arith-runs`);
    await page.waitForSelector('[data-testid=chart][data-ready=true] path[aria-roledescription="rect mark"]');
    await shot(page, 'bundle-figure');
    assert.ok(requests.filter((u) => u.startsWith('file:')).length > 5);
    await page.close();
  });
});
