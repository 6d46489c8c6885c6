import type { Store } from '../../adapters/store/store.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import type { RunRecord, SampleRecord } from '../../core/schema/index.ts';

/** A stored run, or a UserError naming the store (exit code 5) when there is none. */
export async function requireRun(store: Store, id: string): Promise<RunRecord> {
  const run = await store.run(id);
  if (!run) throw new UserError(`no run "${id}" in ${store.location} (see yardstick runs)`, EXIT.notFound);
  return run;
}

/** Every sample of a run, in item and index order. */
export async function loadRunSamples(store: Store, runId: string): Promise<SampleRecord[]> {
  const out: SampleRecord[] = [];
  for await (const s of store.samples(runId)) out.push(s);
  return out;
}
