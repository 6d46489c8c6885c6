import { type Command, Option } from 'commander';
import type { ResultFilterInput } from '../core/query/select-results.ts';
import { list, paramsB } from './parse-options.ts';

/** The flags that choose results, shared by `results`, `analyze` and `chart`. */
export interface ResultFilterFlags {
  benchmark?: string[];
  model?: string[];
  family?: string[];
  category?: string[];
  minParams?: number;
  maxParams?: number;
  params?: 'total' | 'active';
  source?: string;
  condition?: string;
}

/** Adds the result filter flags; `--params` (total or active) only where the command uses sizes. */
export function addResultFilterOptions(cmd: Command, withParamsAxis = true): Command {
  cmd
    .option('-b, --benchmark <ids>', 'only these benchmarks (comma-separated)', list)
    .option('-m, --model <ids>', 'only these models', list)
    .option('--family <names>', 'only these model families', list)
    .option('--category <labels>', 'only models with one of these category labels', list)
    .option('--min-params <size>', 'at least this many parameters (e.g. 7B)', paramsB)
    .option('--max-params <size>', 'at most this many parameters (e.g. 70B)', paramsB);
  if (withParamsAxis)
    cmd.addOption(
      new Option('--params <axis>', 'parameter count used for sizes and size filters')
        .choices(['total', 'active'])
        .default('total'),
    );
  return cmd
    .option('--source <source>', '"run", "publication", or part of a paper name')
    .option('--condition <name>', 'only this condition');
}

/** The filter the flags describe. */
export function resultFilterFrom(flags: ResultFilterFlags): ResultFilterInput {
  return {
    benchmarks: flags.benchmark,
    models: flags.model,
    families: flags.family,
    categories: flags.category,
    minParamsB: flags.minParams ?? null,
    maxParamsB: flags.maxParams ?? null,
    paramsAxis: flags.params,
    source: flags.source ?? null,
    condition: flags.condition ?? null,
  };
}
