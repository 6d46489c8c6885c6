import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { parseJsonl, validateRows } from '../../adapters/datasets/read-rows.ts';
import { inputText } from '../../adapters/files/input-text.ts';
import type { DatasetContext, Item } from '../../core/task/task.ts';

const Row = z.object({
  task_id: z.string().min(1),
  prompt: z.string(),
  canonical_solution: z.string(),
  test: z.string(),
  entry_point: z.string().min(1),
});

/** Where a local copy is looked for, under the data folder. */
export const HUMANEVAL_FILES = [
  'humaneval/HumanEval.jsonl.gz',
  'humaneval/HumanEval.jsonl',
  'HumanEval.jsonl.gz',
  'HumanEval.jsonl',
];

/** Parses HumanEval's JSONL (openai/human-eval's data file), naming file, line and field on bad input. */
export function parseHumanEval(text: string, file: string): Item[] {
  const items: Item[] = [];
  for (const row of validateRows(file, parseJsonl(file, text), Row)) {
    items.push({
      id: row.task_id,
      input: row.prompt,
      target: row.canonical_solution,
      metadata: { test: row.test, entryPoint: row.entry_point },
    });
  }
  return items;
}

/** Loads HumanEval's 164 problems from the data folder (the file openai/human-eval ships). */
export async function loadHumanEval(ctx: DatasetContext): Promise<Item[]> {
  const dirs = [ctx.dataDir, ctx.cacheDir].filter((d): d is string => !!d);
  for (const dir of dirs) {
    for (const rel of HUMANEVAL_FILES) {
      const file = join(dir, rel);
      if (!existsSync(file)) continue;
      const buf = readFileSync(file);
      let bytes: Buffer = buf;
      if (file.endsWith('.gz')) {
        try {
          bytes = gunzipSync(buf);
        } catch (err) {
          throw new UserError(`${file}: not a gzip file (${(err as Error).message})`, EXIT.invalidInput);
        }
      }
      return parseHumanEval(inputText(file, bytes), file);
    }
  }
  throw new UserError(
    `HumanEval not found: put HumanEval.jsonl.gz (from github.com/openai/human-eval, data/) in ${dirs.map((d) => join(d, 'humaneval')).join(' or ')}`,
    EXIT.notFound,
  );
}
