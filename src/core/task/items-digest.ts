import { stableJson } from '../format/stable-json.ts';
import type { Item } from './task.ts';

// From process.getBuiltinModule, not an ESM import (see cache-key.ts: start-up time).
const { createHash } = process.getBuiltinModule('node:crypto');

/**
 * The digest of a run's items (ids, inputs and targets in order), recorded in its spec: a process
 * that loads the run's items again (a resume, a queue worker) gets the same digest or other items.
 */
export function itemsDigest(items: Item[]): string {
  return createHash('sha256')
    .update(stableJson(items.map((i) => [i.id, i.input, i.target])))
    .digest('hex');
}
