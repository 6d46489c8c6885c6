import type { CodeExecutor } from './code-executor.ts';
import { type ExecutorOptions, openExecutor } from './open-executor.ts';

let shared: { key: string; executor: Promise<CodeExecutor> } | null = null;

/**
 * One executor per process, opened on first use and shared by every code task. Its supervisors do
 * not keep the process alive while idle, and die with it.
 */
export function sharedExecutor(o: ExecutorOptions = {}): Promise<CodeExecutor> {
  const key = JSON.stringify({
    u: !!o.unsafeLocal,
    w: o.workers ?? null,
    p: o.python ?? null,
    b: o.bwrap ?? null,
  });
  if (shared && shared.key === key) return shared.executor;
  const previous = shared;
  const executor = openExecutor(o);
  shared = { key, executor };
  executor.catch(() => {
    if (shared?.executor === executor) shared = null;
  });
  if (previous) void previous.executor.then((e) => e.close()).catch(() => {});
  return executor;
}
