import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogBaseFiles, catalogEntries } from '../../src/adapters/catalog/catalog-files.ts';
import { openSqliteStore } from '../../src/adapters/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../src/adapters/store/store.ts';
import { importFiles } from '../../src/app/import-files.ts';
import { FigurePreset } from '../../src/core/schema/index.ts';
import { benchmark, model, result, runSpec, sample } from '../helpers/fixtures.ts';

export const XSS = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

/**
 * A SQLite store in a temp folder: the shipped catalog (models, benchmarks, published results,
 * figures), a figure of measured results, and two finished runs of 40 items each on `arith`, one with a response holding a script.
 */
export async function dashboardStore(): Promise<{ store: Store; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-serve-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const store = await openSqliteStore(join(dir, 'store.db'));
  await importFiles(store, [...catalogBaseFiles(), ...catalogEntries().map((e) => e.file)]);
  await store.importBatch({
    models: [
      model({ id: 'tiny-a', name: 'Tiny A', family: 'Tiny' }),
      model({ id: 'tiny-b', name: 'Tiny B', family: 'Tiny', totalParamsB: 3 }),
    ],
    benchmarks: [benchmark({ id: 'arith', name: 'Arith', itemCount: 40 })],
    figures: [
      FigurePreset.parse({
        id: 'arith-runs',
        chart: 'grouped-bars',
        title: 'Arith, measured',
        benchmarks: ['arith'],
        models: ['tiny-a', 'tiny-b'],
      }),
    ],
    results: [
      result({
        model: 'tiny-a',
        benchmark: 'arith',
        source: 'run',
        runId: 'run-a',
        paper: null,
        value: 50,
        n: 40,
      }),
      result({
        model: 'tiny-b',
        benchmark: 'arith',
        source: 'run',
        runId: 'run-b',
        paper: null,
        value: 75,
        n: 40,
      }),
      result({ model: 'tiny-b', benchmark: 'arith', paper: 'Tiny report', figure: 'Table 2', value: 70 }),
    ],
  });
  for (const [id, m, right] of [
    ['run-a', 'tiny-a', (i: number) => i % 2 === 0],
    ['run-b', 'tiny-b', (i: number) => i % 4 !== 2],
  ] as const) {
    await store.createRun(runSpec({ id, model: m, benchmark: 'arith' }));
    const samples = [];
    for (let i = 0; i < 40; i++) {
      const item = `item-${String(i).padStart(2, '0')}`;
      const ok = right(i);
      samples.push(
        sample({
          runId: id,
          itemId: item,
          response: i === 3 && id === 'run-a' ? `${XSS} The answer is 7.` : `The answer is ${ok ? i : -1}.`,
          reasoning: i === 3 ? 'First add, then check.' : null,
          finishReason: i === 5 ? 'length' : 'stop',
          scoring:
            i === 3
              ? {
                  rule: 'answer-is',
                  extracted: '7',
                  normalized: { gold: '3', answer: '7' },
                  method: 'numeric',
                }
              : null,
          extracted: ok ? String(i) : '-1',
          verdict: i === 39 ? 'error' : ok ? 'correct' : 'incorrect',
          score: i === 39 ? null : ok ? 1 : 0,
          error: i === 39 ? 'HTTP 500 from provider' : null,
        }),
      );
    }
    await store.recordSamples(samples, []);
    await store.updateRun(id, { status: 'finished', finishedAt: new Date().toISOString() });
  }
  return { store, dir };
}
