import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readRecords } from '../../src/adapters/files/read-records.ts';
import { CATALOG_DIR, catalogBaseFiles, catalogEntries } from '../../src/adapters/catalog/catalog-files.ts';
import { buildBatch } from '../../src/core/import/build-batch.ts';
import type { Benchmark, FigurePreset, ModelCard, Result } from '../../src/core/schema/index.ts';
import { sharedPath, skipWithoutShared } from '../helpers/shared-dir.ts';

function loadCatalog() {
  const known = { models: new Set<string>(), benchmarks: new Set<string>() };
  const all = {
    models: [] as ModelCard[],
    benchmarks: [] as Benchmark[],
    results: [] as Result[],
    figures: [] as FigurePreset[],
  };
  for (const file of [...catalogBaseFiles(), ...catalogEntries().map((e) => e.file)]) {
    const { batch, problems } = buildBatch(readRecords(file), known);
    assert.deepEqual(problems, [], `${file} is invalid`);
    for (const m of batch.models) known.models.add(m.id);
    for (const b of batch.benchmarks) known.benchmarks.add(b.id);
    all.models.push(...batch.models);
    all.benchmarks.push(...batch.benchmarks);
    all.results.push(...batch.results);
    all.figures.push(...batch.figures);
  }
  return all;
}

test('every catalog file validates, and each figure entry has exactly one figure preset', () => {
  const c = loadCatalog();
  assert.equal(c.figures.length, readdirSync(join(CATALOG_DIR, 'figures')).length);
  assert.equal(c.figures.length, 5);
});

test('the catalog holds every data point of the five figures', () => {
  const c = loadCatalog();
  const count = (paperPart: string) => c.results.filter((r) => r.paper?.includes(paperPart)).length;
  assert.equal(count('DASD'), 12);
  assert.equal(count('delta'), 63);
  assert.equal(count('Scale-SWE'), 14);
  assert.equal(count('AM-Distill'), 16);
  assert.equal(count('Step-DPO'), 14);
});

test('every model and benchmark is used by some figure, with one id across figures', () => {
  const c = loadCatalog();
  const usedModels = new Set(c.results.map((r) => r.model));
  assert.deepEqual(
    c.models.filter((m) => !usedModels.has(m.id)).map((m) => m.id),
    [],
  );
  const names = c.models.map((m) => m.name);
  assert.equal(new Set(names).size, names.length, 'a display name is used by two ids');
});

const FIGURE_FILES: Record<string, string> = {
  'fig1-livecodebench-v5': 'fig1-livecodebench-vs-total-params.md',
  'fig2-delta-across-datasets': 'fig2-delta-across-datasets.md',
  'fig3-swebench-verified': 'fig3-swebench-vs-activated-params.md',
  'fig4-reasoning-benchmarks': 'fig4-grouped-bars-reasoning-benchmarks.md',
  'fig5-math-accuracy-vs-size': 'fig5-math-accuracy-vs-size.md',
};

/** The description's text for one benchmark: the bold-headed section naming it, or the whole text. */
function sectionFor(text: string, label: string, labels: string[]): string {
  const sections = text.split(/\n(?=\*\*)/);
  const longer = labels.filter((l) => l !== label && l.includes(label));
  const hit = sections.find((s) => {
    const heading = s.split('\n')[0] ?? '';
    return heading.startsWith('**') && heading.includes(label) && !longer.some((l) => heading.includes(l));
  });
  return hit ?? text;
}

test('each catalog value matches the figure description it was transcribed from', {
  skip: skipWithoutShared('figures'),
}, () => {
  const c = loadCatalog();
  const models = new Map(c.models.map((m) => [m.id, m]));
  const benchmarks = new Map(c.benchmarks.map((b) => [b.id, b]));
  for (const fig of c.figures) {
    const text = readFileSync(sharedPath(`figures/${FIGURE_FILES[fig.id]}`)!, 'utf8');
    const labels = fig.benchmarks.map((id) => benchmarks.get(id)!.shortName ?? benchmarks.get(id)!.name);
    for (const r of c.results.filter(
      (x) =>
        x.figure &&
        fig.models?.includes(x.model) &&
        fig.benchmarks.includes(x.benchmark) &&
        x.paper === fig.paper,
    )) {
      const b = benchmarks.get(r.benchmark)!;
      const section = fig.benchmarks.length > 1 ? sectionFor(text, b.shortName ?? b.name, labels) : text;
      const name = models.get(r.model)!.name;
      const lines = section.split('\n').filter((l) => l.includes(name));
      assert.ok(lines.length > 0, `${fig.id}: ${name} is not in the description`);
      const numbers = lines.flatMap((l) =>
        [...l.slice(l.indexOf(name) + name.length).matchAll(/([+-]?)\s?(\d+(?:\.\d+)?)/g)].map((m) =>
          Number(`${m[1]}${m[2]}`),
        ),
      );
      assert.ok(
        numbers.includes(r.value),
        `${fig.id}: ${name} on ${r.benchmark} is ${r.value}, description says ${lines.join(' | ')}`,
      );
    }
  }
});
