import { noRunCounts, type RunCounts, type RunRecord, type Store } from '../../adapters/store/store.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';

export interface RunOverview extends RunRecord {
  counts: RunCounts;
  /** Mean score over scored samples (errors left out), in [0, 1]; null before any is scored. */
  meanScore: number | null;
  /** The most frequent error messages, with how many samples each. */
  errors: { message: string; count: number }[];
}

/** Error messages are summarised from at most this many error samples. */
const ERROR_SAMPLE = 5000;

/** One run: spec, status, counts, mean score and an error summary. */
export async function runOverview(store: Store, runId: string): Promise<RunOverview> {
  const run = await store.run(runId);
  if (!run) throw new UserError(`no run "${runId}"`, EXIT.notFound);
  const [failed, [counts = noRunCounts(runId)]] = await Promise.all([
    store.sampleSummaries(runId, { after: null, limit: ERROR_SAMPLE, verdicts: ['error'], text: null }),
    store.runCounts([runId]),
  ]);
  const byMessage = new Map<string, number>();
  for (const s of failed) {
    const m = (s.error ?? 'unknown error').split('\n')[0]!.slice(0, 200);
    byMessage.set(m, (byMessage.get(m) ?? 0) + 1);
  }
  const errors = [...byMessage]
    .map(([message, count]) => ({ message, count }))
    .sort((a, b) => b.count - a.count || a.message.localeCompare(b.message))
    .slice(0, 10);
  return { ...run, counts, meanScore: counts.scored ? counts.scoreSum / counts.scored : null, errors };
}
