import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { openStore } from '../../src/adapters/store/open-store.ts';
import type { Finding } from '../../src/core/analysis/finding.ts';
import { seededRandom } from '../../src/core/stats/seeded-random.ts';
import { benchmark, model, result, runSpec, sample } from '../helpers/fixtures.ts';
import { runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-paired-'));
after(() => rmSync(dir, { recursive: true, force: true }));

it('analyze compares measured runs item by item when their samples are stored', async () => {
  const file = join(dir, 'store.db');
  const store = await openStore(file);
  const r = seededRandom(3);
  const base = Array.from({ length: 200 }, () => (r() < 0.5 ? 1 : 0));
  const better = base.map((x) => (x === 0 && r() < 0.4 ? 1 : x));
  const pct = (xs: number[]) => (100 * xs.reduce((s, x) => s + x, 0)) / xs.length;
  await store.importBatch({
    models: [model({ id: 'm-a', name: 'M-A' }), model({ id: 'm-b', name: 'M-B' })],
    benchmarks: [benchmark({ itemCount: 200 })],
    results: [
      result({ model: 'm-a', value: pct(base), source: 'run', runId: 'run-a', paper: null }),
      result({ model: 'm-b', value: pct(better), source: 'run', runId: 'run-b', paper: null }),
    ],
  });
  for (const [id, m, xs] of [
    ['run-a', 'm-a', base],
    ['run-b', 'm-b', better],
  ] as const) {
    await store.createRun(runSpec({ id, model: m }));
    await store.putSamples(
      xs.map((x, i) =>
        sample({ runId: id, itemId: `q${i}`, score: x, verdict: x ? 'correct' : 'incorrect' }),
      ),
    );
  }
  await store.close();
  const out = runCli(['--store', file, 'analyze', '--benchmark', 'bench', '--json']);
  assert.equal(out.status, 0, out.stderr);
  const fs = JSON.parse(out.stdout) as Finding[];
  const paired = fs.find((f) => f.metric === 'paired-difference')!;
  assert.equal(paired.kind, 'dominance');
  assert.deepEqual(paired.subjects.models, ['m-b', 'm-a']);
  assert.equal(paired.evidence['items'], 200);
});
