import type { Command } from 'commander';
import type { TaskSummary } from '../../app/describe-tasks.ts';
import type { TaskArgInfo } from '../../core/task/task-definition.ts';
import { addListingOptions, csvText, type ListingFlags } from '../format/print-listing.ts';
import { renderTable } from '../format/table.ts';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** One argument as a line of text: its type, allowed values and default. */
function argText(a: TaskArgInfo): string {
  const values = a.allowed?.map(show).join(' | ');
  const type = !values ? a.type : a.type.startsWith('list of') ? `list of ${values}` : `one of ${values}`;
  const dflt = a.default !== undefined ? `, default ${show(a.default)}` : a.required ? ', required' : '';
  return `${type}${dflt}`;
}

function taskText(t: TaskSummary): string {
  const lines = [`${t.name}: ${t.description}`];
  if (t.items) lines.push(`  items    ${t.items}`);
  if (t.prompts.length)
    lines.push(`  prompts  ${[`${t.prompts[0]} (default)`, ...t.prompts.slice(1)].join(', ')}`);
  lines.push(`  metrics  ${t.metrics ? t.metrics.join(', ') : 'as the task file lists them'}`);
  if (t.args.length) {
    const width = Math.max(...t.args.map((a) => a.name.length));
    lines.push(
      ...t.args.map(
        (a, i) =>
          `  ${i === 0 ? 'args' : '    '}     ${a.name.padEnd(width)}  ${argText(a)}${a.description ? `: ${a.description}` : ''}`,
      ),
    );
  }
  return lines.join('\n');
}

export function registerTasks(program: Command): void {
  addListingOptions(
    program
      .command('tasks')
      .description(
        'list the tasks `eval` can run (items, prompts, arguments with defaults and allowed values, metrics), providers and scorers',
      ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ yardstick tasks\n  $ yardstick tasks --json\n' +
        '  $ yardstick eval -m openai:MODEL@URL -b gsm8k --task-arg prompt=8-shot-cot',
    )
    .action(async (flags: ListingFlags) => {
      const { builtinRegistry } = await import('../../registry/builtin.ts');
      const { describeTasks } = await import('../../app/describe-tasks.ts');
      const registry = builtinRegistry();
      const tasks = await describeTasks(registry);
      const { RECIPES } = await import('../../core/recipes/recipes.ts');
      const others = [
        ...(['provider', 'scorer'] as const).flatMap((kind) =>
          registry.list(kind).map((e) => ({ kind: kind as string, ...e })),
        ),
        // Recipes are listed beside the tasks they apply to (details: yardstick recipes).
        ...RECIPES.map((r) => ({ kind: 'recipe', name: r.name, description: r.description })),
      ];
      if (flags.json) {
        const rows = [...tasks.map((t) => ({ kind: 'task' as const, ...t })), ...others];
        return void process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      }
      if (flags.csv) {
        const header = ['kind', 'name', 'description', 'items', 'prompts', 'arguments', 'metrics'];
        const rows = [
          ...tasks.map((t) => [
            'task',
            t.name,
            t.description,
            t.items,
            t.prompts,
            t.args.map((a) => `${a.name}: ${argText(a)}`),
            t.metrics,
          ]),
          ...others.map((o) => [o.kind, o.name, o.description, null, null, null, null]),
        ];
        return void process.stdout.write(csvText(header, rows));
      }
      const table = (kind: string) =>
        renderTable(
          others.filter((o) => o.kind === kind),
          [
            { header: kind, value: (r) => r.name },
            { header: 'description', value: (r) => r.description },
          ],
        );
      process.stdout.write(
        `Tasks (eval -b NAME --task-arg KEY=VALUE):\n\n${tasks.map(taskText).join('\n\n')}\n\n` +
          `${table('provider')}\n\n${table('scorer')}\n\n${table('recipe')}\n`,
      );
    });
}
