import { EXIT, UserError } from '../../core/errors/user-error.ts';
import type { Scorer, Task } from '../../core/task/task.ts';
import { loadYamlTask } from './load-yaml-task.ts';

/** Registry factory for user task files: args {path}. Scorers come from the built-in registry. */
export async function yamlTask(args: Record<string, unknown>): Promise<Task> {
  if (typeof args.path !== 'string') throw new UserError('task "yaml" needs a path', EXIT.usage);
  const { builtinRegistry } = await import('../../registry/builtin.ts');
  const registry = builtinRegistry();
  return loadYamlTask(args.path, async (name) => (await registry.build<Scorer>('scorer', name)).value);
}
