import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { buildReport } from '../../src/app/build-report.ts';
import { isLocalUrl, launchChromium, noChromium } from '../helpers/chromium.ts';
import { catalogStore } from './report-fixture.ts';

const skip = noChromium;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = join(
      root,
      decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html',
    );
    if (!path.startsWith(root) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('the report renders every chart in headless Chromium without any request beyond localhost', {
  skip,
}, async (t) => {
  const { store, dir } = await catalogStore();
  const out = join(dir, 'report');
  try {
    await buildReport(store, { outDir: out });
  } finally {
    await store.close();
  }
  const server = await serve(out);
  const { browser, close } = await launchChromium().catch((e: unknown) => {
    server.close();
    throw e;
  });
  try {
    const page = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/index.html`, { waitUntil: 'load' });
    await page.waitForFunction(
      "[...document.querySelectorAll('section[data-figure]')].every((s) => s.hasAttribute('data-rendered'))",
      undefined,
      { timeout: 60_000 },
    );
    const states = await page.$$eval('section[data-figure]', (ss) =>
      ss.map((s) => ({
        id: s.id,
        state: s.getAttribute('data-rendered'),
        error: s.getAttribute('data-error'),
        marks: s.querySelectorAll('.interactive svg .mark-symbol path, .interactive svg .mark-rect path')
          .length,
      })),
    );
    assert.equal(states.length, 5);
    for (const s of states) {
      assert.equal(s.state, 'true', `${s.id}: ${s.error ?? ''}`);
      assert.ok(s.marks > 0, `${s.id} drew marks`);
    }
    assert.deepEqual(errors, []);
    const remote = requests.filter((u) => !isLocalUrl(u));
    assert.deepEqual(remote, [], 'no request leaves localhost');
    // Kept for a person to look at: test/.artifacts is git-ignored and survives the run.
    const artifacts = fileURLToPath(new URL('../.artifacts/', import.meta.url));
    mkdirSync(artifacts, { recursive: true });
    const shot = join(artifacts, 'report-screenshot.png');
    await page.screenshot({ path: shot, fullPage: true });
    assert.ok(existsSync(shot));
    t.diagnostic(`screenshot: ${shot}`);
  } finally {
    await close();
    server.close();
  }
});
