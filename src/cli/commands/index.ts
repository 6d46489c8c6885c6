import type { Command } from 'commander';
import { registerAnalyze } from './analyze.ts';
import { registerBenchmarks } from './benchmarks.ts';
import { registerCatalog } from './catalog.ts';
import { registerChart } from './chart.ts';
import { registerCompare } from './compare.ts';
import { registerDescribe } from './describe.ts';
import { registerEval } from './eval.ts';
import { registerExport } from './export.ts';
import { registerImport } from './import.ts';
import { registerModels } from './models.ts';
import { registerRecipes } from './recipes.ts';
import { registerReport } from './report.ts';
import { registerRescore } from './rescore.ts';
import { registerResults } from './results.ts';
import { registerRuns } from './runs.ts';
import { registerServe } from './serve.ts';
import { registerSamples } from './samples.ts';
import { registerShow } from './show.ts';
import { registerSwebench } from './swebench.ts';
import { registerTasks } from './tasks.ts';
import { registerQueue } from './queue.ts';
import { registerWorker } from './worker.ts';

/**
 * Every command, in help order. A command file registers options only; heavy modules
 * (renderers, drivers, providers) are imported inside its action, so start-up stays fast.
 */
export const commands: ((program: Command) => void)[] = [
  registerCatalog,
  registerModels,
  registerBenchmarks,
  registerResults,
  registerImport,
  registerExport,
  registerChart,
  registerReport,
  registerTasks,
  registerRecipes,
  registerEval,
  registerWorker,
  registerQueue,
  registerRuns,
  registerSamples,
  registerShow,
  registerCompare,
  registerRescore,
  registerAnalyze,
  registerDescribe,
  registerServe,
  registerSwebench,
];
