import { z } from 'zod';
import type { Store } from '../../adapters/store/store.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import type { SampleRecord } from '../../core/schema/index.ts';

const Cursor = z.object({ i: z.string(), s: z.number().int().nonnegative() });

/** A page of a run's samples and an opaque cursor for the next one (keyset paging, never OFFSET). */
export interface SamplePageView {
  samples: SampleRecord[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  next: string | null;
}

/** One page of a run's samples in item and sample order, optionally of one verdict only. */
export async function samplePage(
  store: Store,
  runId: string,
  page: { cursor?: string | null; limit?: number; verdict?: SampleRecord['verdict'] } = {},
): Promise<SamplePageView> {
  let after: { itemId: string; sampleIndex: number } | null = null;
  if (page.cursor) {
    const parsed = Cursor.safeParse(
      (() => {
        try {
          return JSON.parse(Buffer.from(page.cursor, 'base64url').toString('utf8'));
        } catch {
          return null;
        }
      })(),
    );
    if (!parsed.success) throw new UserError(`cursor: not a cursor of a sample page`, EXIT.usage);
    after = { itemId: parsed.data.i, sampleIndex: parsed.data.s };
  }
  const r = await store.samplePage(runId, { after, limit: page.limit ?? 100, verdict: page.verdict });
  return {
    samples: r.samples,
    next: r.next
      ? Buffer.from(JSON.stringify({ i: r.next.itemId, s: r.next.sampleIndex })).toString('base64url')
      : null,
  };
}
