import type { Command } from 'commander';
import { renderTable } from '../format/table.ts';

export function registerTasks(program: Command): void {
  program
    .command('tasks')
    .description('list the built-in tasks (benchmarks `eval` can run), providers and scorers')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ yardstick tasks\n  $ yardstick eval -m openai:MODEL@URL -b gsm8k')
    .action(async (opts: { json?: boolean }) => {
      const { builtinRegistry } = await import('../../registry/builtin.ts');
      const registry = builtinRegistry();
      const { RECIPES } = await import('../../core/recipes/recipes.ts');
      const rows = [
        ...(['task', 'provider', 'scorer'] as const).flatMap((kind) =>
          registry.list(kind).map((e) => ({ kind: kind as string, ...e })),
        ),
        // Recipes are listed beside the tasks they apply to (details: yardstick recipes).
        ...RECIPES.map((r) => ({ kind: 'recipe', name: r.name, description: r.description })),
      ];
      if (opts.json) return void process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      process.stdout.write(
        `${renderTable(rows, [
          { header: 'kind', value: (r) => r.kind },
          { header: 'name', value: (r) => r.name },
          { header: 'description', value: (r) => r.description },
        ])}\n`,
      );
    });
}
