import type { SampleState, Store } from '../../adapters/store/store.ts';
import { unitPosition } from '../../core/queue/shard-plan.ts';
import type { ChatMessage } from '../../core/schema/index.ts';
import { sampleKey, type WorkUnit, workUnit } from '../eval/work-units.ts';
import type { RunResources } from './run-resources.ts';

/**
 * The work units `[from, to)` of a run, exactly as the embedded mode lays them out (same items,
 * sample indices, seeds and cache keys); a range past the run's end is cut at its end.
 */
export function shardUnits(r: RunResources, from: number, to: number): WorkUnit[] {
  const out: WorkUnit[] = [];
  let itemAt = -1;
  let messages: ChatMessage[] = [];
  for (let u = from; u < Math.min(to, r.total); u++) {
    const { itemIndex, sampleIndex } = unitPosition(u, r.spec.samples);
    const item = r.items[itemIndex]!;
    if (itemIndex !== itemAt) {
      messages = r.task.prompt(item);
      itemAt = itemIndex;
    }
    out.push(workUnit(r.spec, item, messages, sampleIndex, r.unitProvider));
  }
  return out;
}

/** What the store holds for these units: their samples by sample key. */
export async function recordedSamples(
  store: Store,
  runId: string,
  units: readonly WorkUnit[],
): Promise<Map<string, SampleState>> {
  const states = await store.sampleStatesOf(runId, [...new Set(units.map((u) => u.item.id))]);
  return new Map(states.map((s) => [sampleKey(s.itemId, s.sampleIndex), s]));
}

/** The units still to do: not recorded, or recorded as errors when those are redone. */
export function unitsToDo(
  units: readonly WorkUnit[],
  recorded: Map<string, SampleState>,
  retryErrors: boolean,
): WorkUnit[] {
  return units.filter((u) => {
    const s = recorded.get(sampleKey(u.item.id, u.sampleIndex));
    return !s || (retryErrors && s.verdict === 'error');
  });
}
