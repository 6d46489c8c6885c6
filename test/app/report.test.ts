import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Store } from '../../src/adapters/store/store.ts';
import { buildReport, type ReportSummary } from '../../src/app/build-report.ts';
import type { VlSpec } from '../../src/core/charts/chart-input.ts';
import { openSqliteStore } from '../../src/adapters/store/sqlite/open-sqlite-store.ts';
import { UserError } from '../../src/core/errors/user-error.ts';
import { layoutProblems } from '../core/charts/catalog-inputs.ts';
import { catalogStore } from './report-fixture.ts';

const GOLDEN = new URL('../golden/figures/', import.meta.url).pathname;
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** One tag per line, so a golden SVG diff reads line by line. */
const svgLines = (svg: string) => `${svg.replace(/></g, '>\n<')}\n`;
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let store: Store;
let dir: string;
let summary: ReportSummary;

before(async () => {
  ({ store, dir } = await catalogStore());
  summary = await buildReport(store, { outDir: join(dir, 'report') });
});
after(async () => store?.close());

test('the report writes index.html and a PNG, an SVG and a spec for each of the five figures', {}, () => {
  assert.equal(summary.figures.length, 5);
  for (const f of summary.figures) {
    for (const file of [f.pngFile, f.svgFile, f.specFile])
      assert.ok(existsSync(join(dir, 'report', file)), file);
    assert.deepEqual(f.crowded, []);
  }
  assert.ok(existsSync(summary.index));
});

test('index.html is self-contained: inline SVGs, inline vega-embed, no remote URL to load', {}, () => {
  const html = readFileSync(summary.index, 'utf8');
  assert.equal((html.match(/<section id=/g) ?? []).length, 5);
  assert.equal((html.match(/<svg /g) ?? []).length >= 5, true);
  assert.match(html, /vegaEmbed\(/);
  assert.doesNotMatch(html, /<script[^>]+src=/);
  assert.doesNotMatch(html, /<link[^>]+href="https?:/);
  assert.match(html, /Content-Security-Policy/);
  for (const f of summary.figures) assert.ok(html.includes(`<h2>${escapeXml(f.title)}</h2>`), f.title);
});

test('each figure is captioned by its written description, also kept as the SVG <desc>', {}, () => {
  const html = readFileSync(summary.index, 'utf8');
  assert.equal((html.match(/<figcaption>/g) ?? []).length, 5);
  assert.equal((html.match(/<h3>Key Observations<\/h3>/g) ?? []).length, 5);
  assert.match(html, /DASD-4B-Thinking \(4B, 70\.0\) matches or beats all 10 larger models/);
  for (const f of summary.figures) {
    const svg = readFileSync(join(dir, 'report', f.svgFile), 'utf8');
    const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
    assert.match(desc, /Overview: /, f.id);
    assert.match(desc, /Key Observations: /, f.id);
  }
});

test('every label of every figure is in its SVG, and none overlap', () => {
  for (const f of summary.figures) {
    const spec = JSON.parse(readFileSync(join(dir, 'report', f.specFile), 'utf8')) as VlSpec;
    const svg = readFileSync(join(dir, 'report', f.svgFile), 'utf8');
    assert.ok(spec.usermeta.labels.length > 0 || spec.usermeta.kind === 'delta-dots', f.id);
    for (const l of spec.usermeta.labels)
      assert.ok(svg.includes(`>${escapeXml(l.text)}</text>`), `${f.id}: ${l.text}`);
    assert.deepEqual(layoutProblems(spec), [], f.id);
  }
});

test('figure specs and SVGs match their golden files (UPDATE_GOLDEN=1 rewrites them)', {}, () => {
  mkdirSync(GOLDEN, { recursive: true });
  for (const f of summary.figures) {
    const spec = readFileSync(join(dir, 'report', f.specFile), 'utf8');
    const svg = svgLines(readFileSync(join(dir, 'report', f.svgFile), 'utf8'));
    const files: [string, string][] = [
      [`${f.id}.vl.json`, spec],
      [`${f.id}.svg`, svg],
    ];
    for (const [name, actual] of files) {
      const path = join(GOLDEN, name);
      if (UPDATE || !existsSync(path)) writeFileSync(path, actual);
      assert.equal(actual, readFileSync(path, 'utf8'), `${name} differs from its golden file`);
    }
  }
});

test('a report from a store without figures is a user error that says how to load some', {}, async () => {
  const empty = await openSqliteStore(join(dir, 'empty.db'));
  try {
    await assert.rejects(
      buildReport(empty, { outDir: join(dir, 'none') }),
      (e: unknown) => e instanceof UserError && /catalog load/.test(e.message),
    );
  } finally {
    await empty.close();
  }
});
