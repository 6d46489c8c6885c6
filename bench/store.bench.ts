// Store bench: inserts 1,000,000 sample rows in batches and times the per-model, per-benchmark aggregate.
// Targets (issue 2): >= 100,000 rows/s inserted on SQLite; aggregate under 1 s.
// Usage: node bench/store.bench.ts [--rows N] [--batch N] [--pg URL]   (PostgreSQL runs when --pg or
// $YARDSTICK_BENCH_PG is given; it needs a URL whose database may be written.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../src/adapters/store/open-store.ts';
import type { Store } from '../src/adapters/store/store.ts';
import { RunSpec, type SampleRecord } from '../src/core/schema/index.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '5000' },
    pg: { type: 'string' },
  },
});
const ROWS = Number(values.rows);
const BATCH = Number(values.batch);
const MODELS = 10;
const BENCHMARKS = 5;

const question =
  'Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. How many clips did Natalia sell altogether in April and May?';
const response =
  'Natalia sold 48/2 = 24 clips in May. Natalia sold 48+24 = 72 clips altogether in April and May. The answer is 72.';

async function bench(store: Store) {
  const runs: string[] = [];
  for (let m = 0; m < MODELS; m++)
    for (let b = 0; b < BENCHMARKS; b++) {
      const id = `bench-run-${m}-${b}`;
      runs.push(id);
      await store.createRun(
        RunSpec.parse({
          id,
          model: `model-${m}`,
          provider: { kind: 'provider', name: 'openai', args: {} },
          benchmark: `benchmark-${b}`,
          task: { kind: 'task', name: `benchmark-${b}`, args: {} },
          promptTemplateHash: 'h',
          generation: {},
          toolVersion: 'bench',
          createdAt: new Date().toISOString(),
        }),
      );
    }
  const perRun = Math.ceil(ROWS / runs.length);
  const createdAt = new Date().toISOString();
  const t0 = performance.now();
  let batch: SampleRecord[] = [];
  let written = 0;
  for (const runId of runs) {
    for (let i = 0; i < perRun && written + batch.length < ROWS; i++) {
      const correct = (i * 7 + runId.length) % 3 !== 0;
      batch.push({
        runId,
        itemId: `item-${String(i).padStart(7, '0')}`,
        sampleIndex: 0,
        messages: [{ role: 'user', content: question }],
        response,
        reasoning: null,
        extracted: correct ? '72' : '70',
        verdict: i % 997 === 0 ? 'error' : correct ? 'correct' : 'incorrect',
        score: i % 997 === 0 ? null : correct ? 1 : 0,
        promptTokens: 61,
        completionTokens: 38,
        latencyMs: 812.5,
        error: i % 997 === 0 ? 'HTTP 500' : null,
        scorerVersion: 'gsm8k-v1',
        target: '72',
        tags: {},
        scoring: null,
        createdAt,
      });
      if (batch.length === BATCH) {
        await store.putSamples(batch);
        written += batch.length;
        batch = [];
      }
    }
  }
  if (batch.length) {
    await store.putSamples(batch);
    written += batch.length;
  }
  const insertS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const agg = await store.aggregateSamples();
  const aggMs = performance.now() - t1;
  return {
    written,
    insertS,
    rowsPerS: Math.round(written / insertS),
    aggMs: Math.round(aggMs),
    groups: agg.length,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'ys-bench-store-'));
try {
  const sqlite = await openStore(join(dir, 'bench.db'));
  const r = await bench(sqlite);
  await sqlite.close();
  console.log(
    `sqlite: ${r.written} rows in ${r.insertS.toFixed(2)} s = ${r.rowsPerS} rows/s; aggregate over ${r.groups} model x benchmark groups: ${r.aggMs} ms`,
  );
  const pg = values.pg ?? process.env.YARDSTICK_BENCH_PG;
  if (pg) {
    const store = await openStore(pg);
    const p = await bench(store);
    await store.close();
    console.log(
      `postgres: ${p.written} rows in ${p.insertS.toFixed(2)} s = ${p.rowsPerS} rows/s; aggregate: ${p.aggMs} ms`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
