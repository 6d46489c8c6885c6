import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../../src/adapters/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../../src/adapters/store/store.ts';
import { createRun, type NewRunOptions } from '../../../src/app/eval/create-run.ts';
import { executeRun, type ExecuteOptions } from '../../../src/app/eval/execute-run.ts';
import { builtinRegistry } from '../../../src/registry/builtin.ts';
import {
  type FakeServer,
  type FakeServerOptions,
  startFakeServer,
} from '../../adapters/providers/fake-model-server.ts';

export const dataset = { dataDir: null, cacheDir: tmpdir(), online: false };
/** Retries without waiting: tests check behaviour, not timing. */
export const fastRetries = { backoff: { baseMs: 1, maxMs: 5, maxRetries: 3 } };

/** A fresh SQLite store and a scripted server; `close` removes both. */
export async function evalFixture(server: FakeServerOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ys-eval-'));
  const store: Store = await openSqliteStore(join(dir, 'store.db'));
  const srv: FakeServer = await startFakeServer(server);
  const registry = builtinRegistry();
  const newRun = (o: Partial<NewRunOptions> = {}) =>
    createRun(
      store,
      registry,
      {
        model: `openai:fake@${srv.url}`,
        benchmark: 'arithmetic',
        limit: 20,
        concurrency: 4,
        // far above any delay a loaded machine adds: tests that need a timeout set their own, against a hang
        timeoutMs: 60_000,
        toolVersion: '0.0.0',
        ...o,
      },
      dataset,
    );
  const execute = (spec: Awaited<ReturnType<typeof newRun>>, o: Partial<ExecuteOptions> = {}) =>
    executeRun(store, registry, spec, { dataset, scheduler: fastRetries, ...o });
  return {
    dir,
    store,
    server: srv,
    registry,
    newRun,
    execute,
    close: async () => {
      await store.close();
      await srv.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
