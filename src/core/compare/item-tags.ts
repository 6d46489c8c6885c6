import type { Item } from '../task/task.ts';

/** The item metadata fields reports group by, when a benchmark has them. */
export const TAG_FIELDS = ['subject', 'level', 'difficulty', 'type', 'category'] as const;

/** An item's group labels (subject, level, ...) as strings; fields the item lacks are left out. */
export function itemTags(item: Pick<Item, 'metadata'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of TAG_FIELDS) {
    const v = item.metadata[f];
    if (typeof v === 'string' && v) out[f] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) out[f] = String(v);
  }
  return out;
}
