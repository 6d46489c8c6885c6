import { readFileSync } from 'node:fs';
import { catalogBaseFiles, catalogEntries } from '../../../src/adapters/catalog/catalog-files.ts';
import { figureViews } from '../../../src/app/queries/figure-inputs.ts';
import type { ChartInput, VlSpec } from '../../../src/core/charts/chart-input.ts';
import { boxesOverlap } from '../../../src/core/charts/place-labels.ts';
import { Benchmark, FigurePreset, ModelCard, Result } from '../../../src/core/schema/index.ts';

function records(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const strip = ({ kind: _kind, ...rest }: Record<string, unknown>) => rest;

/** The shipped catalog's figures as chart inputs, by figure id (no store needed). */
export function catalogInputs(): Map<string, ChartInput> {
  const base = catalogBaseFiles().flatMap(records);
  const models = base.filter((r) => r.kind === 'model').map((r) => ModelCard.parse(strip(r)));
  const benchmarks = base.filter((r) => r.kind === 'benchmark').map((r) => Benchmark.parse(strip(r)));
  const out = new Map<string, ChartInput>();
  for (const entry of catalogEntries()) {
    const recs = records(entry.file);
    const preset = FigurePreset.parse(strip(recs.find((r) => r.kind === 'figure')!));
    const results = recs.filter((r) => r.kind === 'result').map((r) => Result.parse(strip(r)));
    out.set(preset.id, { preset, views: figureViews(preset, results, models, benchmarks) });
  }
  return out;
}

/** Every pair of things that must not touch but do: label/label, label/marker, label/obstacle, label/outside. */
export function layoutProblems(spec: VlSpec): string[] {
  const m = spec.usermeta;
  const problems: string[] = [];
  const W = spec.width as number;
  const H = spec.height as number;
  m.labels.forEach((a, i) => {
    const b = a.box;
    if (b.x0 < -0.01 || b.y0 < -0.01 || b.x1 > W + 0.01 || b.y1 > H + 0.01)
      problems.push(`${a.text} leaves the plot`);
    for (const other of m.labels.slice(i + 1))
      if (boxesOverlap(b, other.box)) problems.push(`${a.text} overlaps label ${other.text}`);
    if (m.kind !== 'grouped-bars' && m.kind !== 'heatmap')
      for (const mk of m.markers) if (boxesOverlap(b, mk)) problems.push(`${a.text} overlaps a marker`);
    if (!a.id.startsWith('ref:'))
      for (const o of m.obstacles) if (boxesOverlap(b, o)) problems.push(`${a.text} overlaps an obstacle`);
  });
  return problems;
}
