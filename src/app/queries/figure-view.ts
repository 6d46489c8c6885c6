import type { Store } from '../../adapters/store/store.ts';
import { analyzeFigure } from '../../core/analysis/analyze-figure.ts';
import type { Finding } from '../../core/analysis/finding.ts';
import type { VlSpec } from '../../core/charts/chart-input.ts';
import { chartSpec } from '../../core/charts/chart-spec.ts';
import { describeFigure } from '../../core/describe/describe-figure.ts';
import type { FigureDescription } from '../../core/describe/figure-description.ts';
import { resultInterval } from '../../core/query/leaderboard-table.ts';
import type { ResultView } from '../../core/query/result-view.ts';
import { benchmarkLabel, type FigurePreset } from '../../core/schema/index.ts';
import { loadFigureInputs } from './figure-inputs.ts';

export interface FigureView {
  preset: FigurePreset;
  /** The Vega-Lite spec, as `yardstick chart --out x.vl.json` writes it. */
  spec: VlSpec;
  findings: Finding[];
  description: FigureDescription;
  /** Per data point of the chart: the model and run (when measured) it stands for. */
  points: {
    model: string;
    name: string;
    benchmark: string;
    benchmarkName: string;
    value: number;
    runId: string | null;
    n: number | null;
    /** The interval as text ("[57.1, 65.4]"), or "" when unknown. */
    interval: string;
    source: string;
  }[];
}

function intervalText(r: ResultView['result']): string {
  const { low, high } = resultInterval(r);
  return low === null || high === null ? '' : `[${low.toFixed(1)}, ${high.toFixed(1)}]`;
}

/** One stored figure: its spec, the findings `analyze` states and the description `describe` writes. */
export async function figureView(store: Store, id: string, seed = 1): Promise<FigureView> {
  const [input] = await loadFigureInputs(store, [id]);
  const { preset, views } = input!;
  const findings = analyzeFigure(preset, views, seed);
  return {
    preset,
    spec: chartSpec(input!),
    findings,
    description: describeFigure(preset, views, findings),
    points: views.map((v) => ({
      model: v.model.id,
      name: v.model.name,
      benchmark: v.benchmark.id,
      benchmarkName: benchmarkLabel(v.benchmark),
      value: v.result.value,
      runId: v.result.runId,
      n: v.result.n,
      interval: intervalText(v.result),
      source: v.result.source === 'run' ? `run ${v.result.runId}` : (v.result.paper ?? ''),
    })),
  };
}
