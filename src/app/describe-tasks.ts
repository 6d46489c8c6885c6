import { describeTaskArgs, type TaskArgInfo } from '../core/task/task-definition.ts';
import type { Task } from '../core/task/task.ts';
import type { Registry } from '../registry/registry.ts';

/** What `tasks` shows of one task: its item count, prompt variants, declared arguments and metrics. */
export interface TaskSummary {
  name: string;
  description: string;
  items: string | null;
  /** Prompt variants, the default first. */
  prompts: string[];
  args: TaskArgInfo[];
  /** Metric names; maj@k's k is the number of samples. Null when the task's file decides them. */
  metrics: string[] | null;
}

/** The metric names a task reports, read by asking each metric about no samples. */
function metricNames(task: Task): string[] {
  return task.metrics.map((m) => m([]).name.replace(/^maj@\d+$/, 'maj@k'));
}

/** Every registered task with what it declares. Builds each task with its defaults; loads no data. */
export async function describeTasks(registry: Registry): Promise<TaskSummary[]> {
  const out: TaskSummary[] = [];
  for (const { name, description } of registry.list('task')) {
    const def = await registry.definition('task', name);
    const args = def ? describeTaskArgs(def.args) : [];
    const prompt = args.find((a) => a.name === 'prompt');
    const prompts = prompt?.allowed
      ? [String(prompt.default), ...prompt.allowed.map(String).filter((p) => p !== prompt.default)]
      : [];
    const buildable = args.every((a) => !a.required);
    const metrics = buildable ? metricNames((await registry.build<Task>('task', name)).value) : null;
    out.push({ name, description, items: def?.items ?? null, prompts, args, metrics });
  }
  return out;
}
