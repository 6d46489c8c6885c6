import { z } from 'zod';
import type { Scorer, Task } from '../../core/task/task.ts';
import { parseTaskArgs } from '../../core/task/parse-task-args.ts';
import { defineTask } from '../../core/task/task-definition.ts';
import { loadYamlTask } from './load-yaml-task.ts';

/** The arguments a user task file takes: its path (eval -b FILE.yaml sets it). */
export const YamlTaskArgs = z.object({
  path: z.string().min(1).describe('the task file (eval -b FILE.yaml sets it)'),
});

/** Registry factory for user task files: args {path}. Scorers come from the built-in registry. */
export async function yamlTask(args: Record<string, unknown>): Promise<Task> {
  const { path } = parseTaskArgs('yaml', YamlTaskArgs, args);
  const { builtinRegistry } = await import('../../registry/builtin.ts');
  const registry = builtinRegistry();
  return loadYamlTask(path, async (name) => (await registry.build<Scorer>('scorer', name)).value);
}

export const yamlTaskDefinition = defineTask({
  name: 'yaml',
  args: YamlTaskArgs,
  items: 'as many as the file lists',
  build: yamlTask,
});
