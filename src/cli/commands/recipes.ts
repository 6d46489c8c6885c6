import type { Command } from 'commander';
import { renderTable } from '../format/table.ts';

export function registerRecipes(program: Command): void {
  program
    .command('recipes')
    .description("list the evaluation recipes (papers' protocols) that eval --recipe applies")
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nEvery value is a default: --temperature, --top-p, --max-tokens and --samples override it.\n' +
        'Example:\n  $ yardstick eval -m openai:MODEL@URL -b aime-2024 --recipe r1',
    )
    .action(async (opts: { json?: boolean }) => {
      const { RECIPES } = await import('../../core/recipes/recipes.ts');
      if (opts.json) return void process.stdout.write(`${JSON.stringify(RECIPES, null, 2)}\n`);
      const samples = (r: (typeof RECIPES)[number]) =>
        [String(r.samples), ...Object.entries(r.samplesByBenchmark).map(([b, k]) => `${b}: ${k}`)].join(', ');
      process.stdout.write(
        `${renderTable(
          [...RECIPES],
          [
            { header: 'recipe', value: (r) => `${r.name}@${r.version}` },
            { header: 'temperature', value: (r) => String(r.temperature), align: 'right' },
            { header: 'top-p', value: (r) => (r.topP === null ? '-' : String(r.topP)), align: 'right' },
            {
              header: 'max tokens',
              value: (r) => (r.maxTokens === null ? '-' : String(r.maxTokens)),
              align: 'right',
            },
            { header: 'samples', value: samples },
            { header: 'description', value: (r) => r.description },
          ],
        )}\n`,
      );
    });
}
