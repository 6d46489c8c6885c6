import type { Store } from '../../adapters/store/store.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import type { RunSpec, SampleRecord } from '../../core/schema/index.ts';

export interface SampleDetail {
  sample: SampleRecord;
  /** The run it belongs to: model, benchmark, task and scorer versions, for provenance. */
  run: RunSpec;
}

/** One sample whole, with the spec of its run. */
export async function sampleDetail(
  store: Store,
  runId: string,
  itemId: string,
  sampleIndex: number,
): Promise<SampleDetail> {
  const [run, sample] = await Promise.all([store.run(runId), store.sample(runId, itemId, sampleIndex)]);
  if (!run || !sample)
    throw new UserError(`no sample ${itemId}#${sampleIndex} in run "${runId}"`, EXIT.notFound);
  return { sample, run: run.spec };
}
