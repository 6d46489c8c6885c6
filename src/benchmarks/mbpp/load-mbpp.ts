import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { parseJsonl, validateRows } from '../../adapters/datasets/read-rows.ts';
import { readInputText } from '../../adapters/files/input-text.ts';
import type { DatasetContext, Item } from '../../core/task/task.ts';

const Row = z.object({
  task_id: z.number().int(),
  text: z.string(),
  code: z.string(),
  test_list: z.array(z.string()).min(1),
  test_setup_code: z.string().default(''),
  challenge_test_list: z.array(z.string()).default([]),
});

/** MBPP's standard test split: task ids 11-510 (1-10 are few-shot prompts, 511-600 validation). */
export const MBPP_TEST_IDS = { first: 11, last: 510 } as const;

export const MBPP_FILES = ['mbpp/mbpp.jsonl', 'mbpp.jsonl'];

/** Parses google-research MBPP JSONL, keeping the test split, naming file, line and field on bad input. */
export function parseMbpp(text: string, file: string): Item[] {
  const items: Item[] = [];
  for (const row of validateRows(file, parseJsonl(file, text), Row)) {
    if (row.task_id < MBPP_TEST_IDS.first || row.task_id > MBPP_TEST_IDS.last) continue;
    items.push({
      id: `mbpp/${row.task_id}`,
      input: row.text,
      target: row.code,
      metadata: { tests: row.test_list, setup: row.test_setup_code },
    });
  }
  return items;
}

export async function loadMbpp(ctx: DatasetContext): Promise<Item[]> {
  const dirs = [ctx.dataDir, ctx.cacheDir].filter((d): d is string => !!d);
  for (const dir of dirs) {
    for (const rel of MBPP_FILES) {
      const file = join(dir, rel);
      if (existsSync(file)) return parseMbpp(readInputText(file), file);
    }
  }
  throw new UserError(
    `MBPP not found: put mbpp.jsonl (google-research/google-research, mbpp/) in ${dirs.map((d) => join(d, 'mbpp')).join(' or ')}`,
    EXIT.notFound,
  );
}
