import { itemScoresOf } from '../analysis/paired-runs.ts';
import type { SampleRecord } from '../schema/index.ts';
import { type PairedItemTest, pairedItemTest } from './paired-item-test.ts';

export type ComparedSample = Pick<SampleRecord, 'itemId' | 'sampleIndex' | 'verdict' | 'score' | 'tags'>;

/** An item whose score differs between the two runs. */
export interface FlippedItem {
  itemId: string;
  /** Mean score of the item's samples in each run (0-1). */
  a: number;
  b: number;
  tags: Record<string, string>;
}

/** The comparison restricted to items sharing one label, e.g. subject = Algebra. */
export interface GroupComparison {
  tag: string;
  value: string;
  test: PairedItemTest | null;
  items: number;
}

export interface RunComparison {
  /** Items scored in both runs, only in a, only in b. */
  shared: number;
  onlyA: number;
  onlyB: number;
  /** Most samples any item has in either run: 1 means single samples. */
  samplesPerItem: number;
  /** Null when fewer than two items are shared. */
  test: PairedItemTest | null;
  flipped: FlippedItem[];
  groups: GroupComparison[];
}

function samplesPerItem(samples: readonly ComparedSample[]): number {
  const n = new Map<string, number>();
  for (const s of samples) if (s.verdict !== 'error') n.set(s.itemId, (n.get(s.itemId) ?? 0) + 1);
  return Math.max(1, ...n.values());
}

function tagsOf(samples: readonly ComparedSample[]): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const s of samples) if (!out.has(s.itemId)) out.set(s.itemId, s.tags);
  return out;
}

function byId(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  return Number.isFinite(na) && Number.isFinite(nb) && a !== '' && b !== '' ? na - nb : a.localeCompare(b);
}

/**
 * Two runs compared item by item: which items improved, regressed or stayed, the items whose score
 * flipped, the paired difference b - a with its interval (see pairedItemTest), and the same per
 * subject, level or other label the items carry. Error samples are left out; only items scored in
 * both runs are compared. Pure and deterministic for a given seed.
 */
export function compareRuns(
  a: readonly ComparedSample[],
  b: readonly ComparedSample[],
  seed = 1,
): RunComparison {
  const sa = itemScoresOf(a);
  const sb = itemScoresOf(b);
  const shared = [...sa.keys()].filter((k) => sb.has(k)).sort(byId);
  const k = Math.max(samplesPerItem(a), samplesPerItem(b));
  const tags = tagsOf([...a, ...b]);
  const test = (ids: string[]) =>
    ids.length >= 2
      ? pairedItemTest(
          ids.map((id) => sa.get(id)!),
          ids.map((id) => sb.get(id)!),
          k,
          seed,
        )
      : null;
  const flipped = shared
    .filter((id) => sa.get(id) !== sb.get(id))
    .map((id) => ({ itemId: id, a: sa.get(id)!, b: sb.get(id)!, tags: tags.get(id) ?? {} }));
  const groups = new Map<string, string[]>();
  for (const id of shared)
    for (const [tag, value] of Object.entries(tags.get(id) ?? {})) {
      const key = `${tag}\u0000${value}`;
      const list = groups.get(key);
      if (list) list.push(id);
      else groups.set(key, [id]);
    }
  return {
    shared: shared.length,
    onlyA: [...sa.keys()].filter((id) => !sb.has(id)).length,
    onlyB: [...sb.keys()].filter((id) => !sa.has(id)).length,
    samplesPerItem: k,
    test: test(shared),
    flipped,
    groups: [...groups]
      .map(([key, ids]) => {
        const [tag, value] = key.split('\u0000') as [string, string];
        return { tag, value, items: ids.length, test: test(ids) };
      })
      .sort((x, y) => x.tag.localeCompare(y.tag) || byId(x.value, y.value)),
  };
}
