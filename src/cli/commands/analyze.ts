import type { Command } from 'commander';
import { list, positiveInt } from '../parse-options.ts';
import {
  addResultFilterOptions,
  type ResultFilterFlags,
  resultFilterFrom,
} from '../result-filter-options.ts';
import { withStore } from '../with-store.ts';

interface AnalyzeOptions extends ResultFilterFlags {
  params: 'total' | 'active';
  reference?: string[];
  pair?: string[];
  figure?: string;
  seed: number;
  json?: boolean;
}

function seedOption(value: string): number {
  return value === '0' ? 0 : positiveInt(value);
}

export function registerAnalyze(program: Command): void {
  const cmd = program
    .command('analyze')
    .description('state what the results show: outliers for size, tiers, trends, consistent changes, noise')
    .option('--figure <id>', 'analyse what this figure draws, with its options (see `catalog list`)');
  addResultFilterOptions(cmd)
    .option('--reference <ids>', 'models to treat as reference lines (comma-separated)', list)
    .option('--pair <from:to>', 'a method pair to compare, e.g. m-sft:m-dpo (repeatable)', list)
    .option('--seed <n>', 'seed of the bootstrap resampling', seedOption, 1)
    .option('--json', 'print findings as JSON objects')
    .addHelpText(
      'after',
      `
Findings are computed from the data: least-squares fit of score on log size (outliers by a Bonferroni
test on studentized residuals), natural-breaks tiers (kept when the mean silhouette is >= 0.7),
Pearson and Spearman trends with bootstrap CIs, per-dataset Δ signs, method pairs, reference lines,
dominance, and binomial noise bands where a benchmark's item count is known.

Examples:
  $ yardstick analyze --figure fig1-livecodebench-v5
  $ yardstick analyze --benchmark swe-bench-verified --params active --json
  $ yardstick analyze --benchmark math --reference gpt-4-1106 --pair qwen2-72b-instruct:qwen2-72b-step-dpo`,
    )
    .action(async (opts: AnalyzeOptions, cmd: Command) => {
      const { figureFindings } = await import('../../app/queries/figure-findings.ts');
      const { resultViews } = await import('../../app/queries/result-views.ts');
      const { runItemScores } = await import('../../app/queries/run-item-scores.ts');
      const { selectResults } = await import('../../core/query/select-results.ts');
      const { analyzeViews } = await import('../../core/analysis/analyze-views.ts');
      const { UserError } = await import('../../core/errors/user-error.ts');
      const { findings, scope } = await withStore(cmd, async (s) => {
        if (opts.figure) {
          const [f] = await figureFindings(s, [opts.figure], opts.seed);
          return { findings: f!.findings, scope: `figure ${f!.preset.id}` };
        }
        const pairs = (opts.pair ?? []).map((p) => {
          const [from, to, ...rest] = p.split(':');
          if (!from || !to || rest.length) throw new UserError(`--pair expects from:to, got "${p}"`);
          return [from, to] as [string, string];
        });
        const rows = selectResults(
          await resultViews(s, { benchmarks: opts.benchmark, models: opts.model }),
          resultFilterFrom(opts),
        );
        const options = { sizeAxis: opts.params, references: opts.reference ?? [], pairs, seed: opts.seed };
        return {
          findings: analyzeViews(rows, options, await runItemScores(s, rows)),
          scope: `${rows.length} results`,
        };
      });
      if (opts.json) return void process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
      if (!findings.length) return void process.stdout.write(`No findings for ${scope}.\n`);
      const width = Math.max(...findings.map((f) => f.kind.length));
      process.stdout.write(
        `${findings.length} findings for ${scope}:\n${findings.map((f) => `  ${f.kind.padEnd(width)}  ${f.text}`).join('\n')}\n`,
      );
    });
}
