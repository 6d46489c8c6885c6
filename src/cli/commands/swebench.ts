import type { Command } from 'commander';
import { positiveInt } from '../parse-options.ts';
import { withStore } from '../with-store.ts';

export function registerSwebench(program: Command): void {
  const cmd = program
    .command('swebench')
    .description('SWE-bench Verified: export predictions for the official harness, import its report');
  cmd
    .command('export')
    .description(
      "write a run's predictions in the harness's JSONL format (instance_id, model_name_or_path, model_patch)",
    )
    .requiredOption('--run <id>', 'the run whose samples hold the model answers')
    .option('--model-name <name>', "model_name_or_path to write (default: the run's model id)")
    .option('-o, --out <file>', 'output file (default: standard output)')
    .addHelpText(
      'after',
      `
Then, where Docker is available (see src/benchmarks/swe-bench-verified/README.md):
  $ python -m swebench.harness.run_evaluation --dataset_name princeton-nlp/SWE-bench_Verified \\
      --predictions_path preds.jsonl --max_workers 8 --run_id my-run`,
    )
    .action(async (o: { run: string; modelName?: string; out?: string }, c: Command) => {
      const { exportPredictions } = await import('../../benchmarks/swe-bench-verified/swe-bench-io.ts');
      const r = await withStore(c, (s) => exportPredictions(s, o.run, o.out ?? null, o.modelName));
      if (o.out) process.stderr.write(`${o.out}: ${r.count} predictions (${r.empty} with no patch)\n`);
      else process.stdout.write(r.text);
    });
  cmd
    .command('import')
    .description("import the harness's report (<model>.<run_id>.json) as a resolved-rate result")
    .argument('<report>', 'report JSON written by swebench.harness.run_evaluation')
    .requiredOption('--model <id>', 'model id in the store')
    .option('--run <id>', 'the Yardstick run the predictions came from (source "run")')
    .option('--paper <name>', 'or a publication the report reproduces (source "publication")')
    .option('--total <n>', "instances the rate is over (default: the report's total_instances)", positiveInt)
    .action(
      async (
        file: string,
        o: { model: string; run?: string; paper?: string; total?: number },
        c: Command,
      ) => {
        const { importReport } = await import('../../benchmarks/swe-bench-verified/swe-bench-io.ts');
        const counts = await withStore(c, (s) =>
          importReport(s, file, { model: o.model, runId: o.run, paper: o.paper, total: o.total }),
        );
        process.stdout.write(`${file}: ${counts.results} result\n`);
      },
    );
}
