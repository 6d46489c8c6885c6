import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { parseJsonl, validateRows } from '../../adapters/datasets/read-rows.ts';
import { readInputText } from '../../adapters/files/input-text.ts';
import type { DatasetContext, Item } from '../../core/task/task.ts';

const Row = z.looseObject({
  instance_id: z.string().min(1),
  repo: z.string().min(1),
  base_commit: z.string().min(7),
  problem_statement: z.string(),
  patch: z.string().optional(),
});

export const SWE_FILES = [
  'swe_bench_verified/swebench_verified.jsonl',
  'swe-bench-verified/swebench_verified.jsonl',
];

/** Instance metadata (instance_id, repo, base_commit, problem_statement, gold patch) from JSONL. */
export function parseSweInstances(text: string, file: string): Item[] {
  return validateRows(file, parseJsonl(file, text), Row).map((r) => ({
    id: r.instance_id,
    input: r.problem_statement,
    target: r.patch ?? '',
    metadata: { repo: r.repo, baseCommit: r.base_commit },
  }));
}

export async function loadSweBenchVerified(ctx: DatasetContext): Promise<Item[]> {
  const dirs = [ctx.dataDir, ctx.cacheDir].filter((d): d is string => !!d);
  for (const dir of dirs)
    for (const rel of SWE_FILES) {
      const f = join(dir, rel);
      if (existsSync(f)) return parseSweInstances(readInputText(f), f);
    }
  throw new UserError(
    `SWE-bench Verified instances not found: put swebench_verified.jsonl (princeton-nlp/SWE-bench_Verified, test split) in ${dirs.map((d) => join(d, 'swe_bench_verified')).join(' or ')}`,
    EXIT.notFound,
  );
}
