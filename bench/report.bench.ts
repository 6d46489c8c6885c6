// Report and chart speed (`node bench/report.bench.ts`). Targets on the 2-core machine:
// the five-figure report from a cold process under 3 s; a labelled scatter of 1,000 models to SVG under 1 s.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderSvg } from '../src/adapters/render/render-svg.ts';
import type { ChartInput } from '../src/core/charts/chart-input.ts';
import { chartSpec } from '../src/core/charts/chart-spec.ts';
import { Benchmark, FigurePreset, ModelCard, Result } from '../src/core/schema/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'yardstick-report-bench-'));
const store = join(dir, 'store.db');
const cli = (args: string[]) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['bin/yardstick.js', '--store', store, ...args], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return performance.now() - t0;
};

cli(['catalog', 'load']);
const runs = [1, 2, 3].map((i) => cli(['report', '-o', join(dir, `report-${i}`)]));
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `report, 5 figures, cold process (node start-up included): ${runs.map(fmt).join(', ')} (target < 3 s)`,
);

/** A deterministic scatter of n models with sizes 0.5B..1T and scores 10..90. */
function bigScatter(n: number): ChartInput {
  let s = 42;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const bench = Benchmark.parse({ id: 'b', name: 'Bench', domain: 'math', metric: 'accuracy' });
  const views = Array.from({ length: n }, (_, i) => {
    const model = ModelCard.parse({
      id: `model-${i}`,
      name: `Model-${i}-${Math.round(10 ** (rnd() * 3.3 - 0.3))}B`,
      family: `F${i % 7}`,
      totalParamsB: 10 ** (rnd() * 3.3 - 0.3),
      openWeights: i % 3 !== 0,
      openData: i % 5 === 0,
    });
    const result = Result.parse({
      model: model.id,
      benchmark: 'b',
      metric: 'accuracy',
      value: 10 + rnd() * 80,
      source: 'publication',
      paper: 'P',
    });
    return { model, result, benchmark: bench };
  });
  const preset = FigurePreset.parse({
    id: 'big',
    chart: 'size-scatter',
    title: `${n} models`,
    benchmarks: ['b'],
    options: { highlight: 'model-0' },
  });
  return { preset, views };
}

const input = bigScatter(1000);
await renderSvg(chartSpec(bigScatter(20))); // load vega and the font once, as a long-running process would
for (const size of [{}, { width: 600, height: 400 }]) {
  const t0 = performance.now();
  const spec = chartSpec(input, size);
  const t1 = performance.now();
  const svg = await renderSvg(spec);
  const t2 = performance.now();
  console.log(
    `scatter, 1,000 labelled models at ${spec.width}x${spec.height}${'width' in size ? ' (fixed)' : ' (default, grown)'}: ` +
      `spec + placement ${fmt(t1 - t0)}, ` +
      `SVG ${fmt(t2 - t1)}, total ${fmt(t2 - t0)} (target < 1 s); ${spec.usermeta.crowded.length} labels crowded; ` +
      `${(svg.length / 1024).toFixed(0)} KiB`,
  );
}
