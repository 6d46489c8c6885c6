import type { CodeExecutor } from './code-executor.ts';
import { type ExecutorOptions, openExecutor } from './open-executor.ts';

/**
 * Sandbox executors opened on first use, one per distinct set of options, all closed together. A run
 * context owns one, so two runs in one process (with different sandbox options) never close each
 * other's executor; their supervisors do not keep the process alive while idle.
 */
export class ExecutorCache {
  private readonly open = new Map<string, Promise<CodeExecutor>>();

  get(o: ExecutorOptions = {}): Promise<CodeExecutor> {
    // Every option but the warning callback tells executors apart.
    const { onWarning: _, ...rest } = o;
    const key = JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
    let executor = this.open.get(key);
    if (!executor) {
      executor = openExecutor(o);
      this.open.set(key, executor);
      executor.catch(() => {
        if (this.open.get(key) === executor) this.open.delete(key);
      });
    }
    return executor;
  }

  async close(): Promise<void> {
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.all(all.map((e) => e.then((x) => x.close()).catch(() => undefined)));
  }
}
