import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { loadSweBenchVerified } from '../../src/benchmarks/swe-bench-verified/load-swe-bench-verified.ts';
import { UserError } from '../../src/core/errors/user-error.ts';
import type { DatasetContext, Item, Task } from '../../src/core/task/task.ts';
import { builtinRegistry } from '../../src/registry/builtin.ts';
import { makeZip } from '../helpers/make-zip.ts';

const root = mkdtempSync(join(tmpdir(), 'ys-dataset-bytes-'));
after(() => rmSync(root, { recursive: true, force: true }));

type Format = 'jsonl' | 'json-array' | 'gpqa-zip';
type Bad = 'nul' | 'utf8' | 'duplicate' | 'deep';

interface Loader {
  name: string;
  /** Where the loader looks under the data folder. */
  path: string;
  format: Format;
  load: (ctx: DatasetContext) => Promise<Item[]>;
}

const task =
  (name: string, args: Record<string, unknown> = {}) =>
  async (ctx: DatasetContext) =>
    (await builtinRegistry().build<Task>('task', name, args)).value.dataset(ctx);

/** Every dataset loader: the registered benchmarks (one entry per file format) and SWE-bench's instances. */
const LOADERS: Loader[] = [
  { name: 'gsm8k', path: 'gsm8k/test.jsonl', format: 'jsonl', load: task('gsm8k') },
  { name: 'math', path: 'math/test.jsonl', format: 'jsonl', load: task('math') },
  { name: 'math-500', path: 'math500/test.jsonl', format: 'jsonl', load: task('math-500') },
  { name: 'aime-2024', path: 'aime2024/test.jsonl', format: 'jsonl', load: task('aime-2024') },
  { name: 'aqua-rat', path: 'aqua_rat/test.json', format: 'jsonl', load: task('aqua-rat') },
  {
    name: 'commonsenseqa',
    path: 'commonsenseqa/dev_rand_split.jsonl',
    format: 'jsonl',
    load: task('commonsenseqa'),
  },
  {
    name: 'hotpotqa',
    path: 'hotpotqa/hotpot_dev_v1_simplified.json',
    format: 'json-array',
    load: task('hotpotqa'),
  },
  {
    name: 'hotpotqa (distractor)',
    path: 'hotpotqa/rpt_distractor_validation_sample_test.jsonl',
    format: 'jsonl',
    load: task('hotpotqa', { setting: 'distractor' }),
  },
  { name: 'gpqa-diamond', path: 'gpqa/dataset.zip', format: 'gpqa-zip', load: task('gpqa-diamond') },
  { name: 'humaneval', path: 'humaneval/HumanEval.jsonl', format: 'jsonl', load: task('humaneval') },
  { name: 'mbpp', path: 'mbpp/mbpp.jsonl', format: 'jsonl', load: task('mbpp') },
  { name: 'livecodebench', path: 'livecodebench/test.jsonl', format: 'jsonl', load: task('livecodebench') },
  {
    name: 'swe-bench-verified instances',
    path: 'swe_bench_verified/swebench_verified.jsonl',
    format: 'jsonl',
    load: loadSweBenchVerified,
  },
];

const b = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

/** The bad file of a format, the line its problem is on, and the name errors give it. */
function badFile(
  format: Format,
  bad: Bad,
  path: string,
): { bytes: Buffer; line: number; shown: string; problem: string } | null {
  const byte = bad === 'nul' ? [0] : [0xc3, 0x28];
  const problem = {
    nul: 'NUL byte: not a text file',
    utf8: 'invalid UTF-8 (save the file as UTF-8)',
    duplicate: format === 'gpqa-zip' ? 'duplicate column "Question"' : 'duplicate key "question"',
    deep: 'nested deeper than 100 levels',
  }[bad];
  const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  if (format === 'jsonl') {
    const bytes =
      bad === 'duplicate'
        ? b('{"question":"a"}\n{"question":"b","question":"c"}\n')
        : bad === 'deep'
          ? b(`{"question":"a"}\n{"question":${deep}}\n`)
          : b('{"question":"a"}\n{"question":"x', byte, 'y"}\n');
    return { bytes, line: 2, shown: path, problem };
  }
  if (format === 'json-array') {
    const bytes =
      bad === 'duplicate'
        ? b('[\n{"question":"a"},\n{"question":"b","question":"c"}\n]\n')
        : bad === 'deep'
          ? b(`[\n{"question":"a"},\n{"question":${deep}}\n]\n`)
          : b('[\n{"question":"a"},\n{"question":"x', byte, 'y"}\n]\n');
    return { bytes, line: 3, shown: path, problem };
  }
  if (bad === 'deep') return null; // CSV cells do not nest.
  const csv =
    bad === 'duplicate' ? b('Question,Question\n1,2\n') : b('Question,Record ID\n"x', byte, 'y",1\n');
  return {
    bytes: makeZip('dataset/gpqa_diamond.csv', csv, null),
    line: bad === 'duplicate' ? 1 : 2,
    shown: `${path}:dataset/gpqa_diamond.csv`,
    problem,
  };
}

test('every registered benchmark has its dataset loader in this test', () => {
  const names = builtinRegistry()
    .list('task')
    .map((t) => t.name)
    .filter((n) => n !== 'arithmetic' && n !== 'yaml');
  assert.deepEqual(
    names.filter((n) => !LOADERS.some((l) => l.name === n)),
    [],
  );
});

for (const bad of ['nul', 'utf8', 'duplicate', 'deep'] as const) {
  const what = {
    nul: 'a NUL byte',
    utf8: 'invalid UTF-8',
    duplicate: 'a repeated key or column',
    deep: 'JSON nested deeper than 100 levels',
  }[bad];
  test(`every dataset loader refuses ${what} with one line file:line: problem and exit code 3`, async () => {
    for (const loader of LOADERS) {
      const dataDir = join(root, `${bad}-${loader.name.replace(/\W+/g, '-')}`);
      const path = join(dataDir, loader.path);
      const f = badFile(loader.format, bad, path);
      if (!f) continue;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.bytes);
      await assert.rejects(
        loader.load({ dataDir, cacheDir: join(dataDir, 'cache'), online: false }),
        (e: Error) => {
          assert.ok(e instanceof UserError, `${loader.name}: ${e.stack}`);
          assert.equal(e.exitCode, 3, loader.name);
          assert.equal(e.message, `${f.shown}:${f.line}: ${f.problem}`, loader.name);
          return true;
        },
      );
    }
  });
}

test('a HumanEval .gz that is not gzip data is one line naming the file, exit code 3', async () => {
  const dataDir = join(root, 'gz');
  const path = join(dataDir, 'humaneval', 'HumanEval.jsonl.gz');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '{"task_id":"HumanEval/0"}\n');
  await assert.rejects(
    task('humaneval')({ dataDir, cacheDir: join(dataDir, 'cache'), online: false }),
    (e: Error) =>
      e instanceof UserError && e.exitCode === 3 && e.message.startsWith(`${path}: not a gzip file (`),
  );
});
