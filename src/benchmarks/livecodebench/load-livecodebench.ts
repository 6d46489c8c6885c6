import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseJsonl } from '../../adapters/datasets/read-rows.ts';
import { readInputText } from '../../adapters/files/input-text.ts';
import { decodeLcbTestCases } from '../../core/code/lcb-test-cases.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import type { DatasetContext, Item } from '../../core/task/task.ts';
import { LCB_RELEASES } from './release-presets.ts';

/** One row of livecodebench/code_generation_lite (test*.jsonl), as published. */
const Row = z.object({
  question_title: z.string(),
  question_content: z.string(),
  platform: z.enum(['leetcode', 'codeforces', 'atcoder']),
  question_id: z.string().min(1),
  contest_id: z.string(),
  contest_date: z.string().min(10),
  starter_code: z.string(),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  public_test_cases: z.string(),
  private_test_cases: z.string(),
  metadata: z.string(),
});

export const LcbFilter = z.object({
  release: z.string().optional(),
  since: z.string().optional(),
  until: z.string().optional(),
  platforms: z.array(z.enum(['leetcode', 'codeforces', 'atcoder'])).optional(),
  difficulties: z.array(z.enum(['easy', 'medium', 'hard'])).optional(),
});
export type LcbFilter = z.infer<typeof LcbFilter>;

/** The contest_date window a filter selects: a release preset, narrowed by --since/--until. */
export function lcbWindow(f: LcbFilter): { since: string | null; until: string | null } {
  let since: string | null = null;
  let until: string | null = null;
  if (f.release) {
    const r = LCB_RELEASES[f.release];
    if (!r)
      throw new UserError(
        `unknown LiveCodeBench release "${f.release}" (known: ${Object.keys(LCB_RELEASES).join(', ')})`,
      );
    since = r.since;
    until = r.until;
  }
  return { since: f.since ?? since, until: f.until ?? until };
}

/** Parses the native JSONL, decoding public and (compressed) private tests; bad rows name file, line, field. */
export function parseLiveCodeBench(text: string, file: string, filter: LcbFilter = {}): Item[] {
  const { since, until } = lcbWindow(filter);
  const items: Item[] = [];
  for (const { line, value } of parseJsonl(file, text)) {
    const at = (field: string, msg: string) =>
      new UserError(`${file}:${line}: field ${field}: ${msg}`, EXIT.invalidInput);
    const r = Row.safeParse(value);
    if (!r.success) throw at(r.error.issues[0]!.path.join('.'), r.error.issues[0]!.message);
    const row = r.data;
    const day = row.contest_date.slice(0, 10);
    if (since && day < since) continue;
    if (until && day >= until) continue;
    if (filter.platforms && !filter.platforms.includes(row.platform)) continue;
    if (filter.difficulties && !filter.difficulties.includes(row.difficulty)) continue;
    let tests: ReturnType<typeof decodeLcbTestCases>;
    try {
      tests = decodeLcbTestCases(row.public_test_cases);
    } catch (e) {
      throw at('public_test_cases', (e as Error).message);
    }
    try {
      tests = tests.concat(decodeLcbTestCases(row.private_test_cases));
    } catch (e) {
      throw at('private_test_cases', (e as Error).message);
    }
    let meta: { func_name?: string };
    try {
      meta = JSON.parse(row.metadata) as { func_name?: string };
    } catch {
      throw at('metadata', 'not a JSON string');
    }
    items.push({
      id: row.question_id,
      input: row.question_content,
      target: '',
      metadata: {
        title: row.question_title,
        platform: row.platform,
        difficulty: row.difficulty,
        contestId: row.contest_id,
        contestDate: row.contest_date,
        starterCode: row.starter_code,
        fnName: meta.func_name ?? null,
        tests: tests.map((t) => ({ input: t.input, output: t.output })),
      },
    });
  }
  return items;
}

/** Loads every test*.jsonl under <dataDir>/livecodebench (the Hub repo's layout), filtered. */
export async function loadLiveCodeBench(ctx: DatasetContext, filter: LcbFilter = {}): Promise<Item[]> {
  const dirs = [ctx.dataDir, ctx.cacheDir]
    .filter((d): d is string => !!d)
    .map((d) => join(d, 'livecodebench'));
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir)
      .filter((f) => /^test\d*\.jsonl$/.test(f))
      .sort();
    if (!files.length) continue;
    const seen = new Set<string>();
    const items: Item[] = [];
    for (const f of files) {
      for (const it of parseLiveCodeBench(readInputText(join(dir, f)), join(dir, f), filter)) {
        if (seen.has(it.id)) continue;
        seen.add(it.id);
        items.push(it);
      }
    }
    return items;
  }
  throw new UserError(
    `LiveCodeBench not found: put the test*.jsonl files of livecodebench/code_generation_lite in ${dirs.join(' or ')}`,
    EXIT.notFound,
  );
}
