import type { Command } from 'commander';
import { registerBenchmarks } from './benchmarks.ts';
import { registerCatalog } from './catalog.ts';
import { registerExport } from './export.ts';
import { registerImport } from './import.ts';
import { registerModels } from './models.ts';
import { registerResults } from './results.ts';

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
];
