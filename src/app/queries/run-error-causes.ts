import type { Store } from '../../adapters/store/store.ts';
import { type ErrorCause, groupErrors } from '../../core/engine/error-causes.ts';

/** A run's error samples grouped by cause, most frequent first, each with one example message. */
export async function runErrorCauses(store: Store, runId: string): Promise<ErrorCause[]> {
  const messages: string[] = [];
  let after: { itemId: string; sampleIndex: number } | null = null;
  do {
    const page = await store.samplePage(runId, { after, limit: 1000, verdict: 'error' });
    for (const s of page.samples) messages.push(s.error ?? 'no message');
    after = page.next;
  } while (after);
  return groupErrors(messages);
}
