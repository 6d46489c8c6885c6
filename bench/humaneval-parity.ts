// Verdict parity with openai/human-eval on a samples file. Give it human-eval's results file
// (<samples>.jsonl_results.jsonl: task_id, completion, passed, result) and it re-checks every sample
// in the bubblewrap sandbox, then lists every disagreement.
// Run: node bench/humaneval-parity.ts <results.jsonl> [--fixed 3000] [--data-dir ../shared/datasets]
// --fixed 3000 uses human-eval's own 3 s limit for every problem (exact parity); without it the limits
// are derived from the canonical solutions' runtimes (max(1 s, 4x)), which can time out a correct but
// slow sample that human-eval, with 3 s, passes.
import { readFileSync } from 'node:fs';
import { openExecutor } from '../src/adapters/sandbox/open-executor.ts';
import { ReferenceTimings } from '../src/adapters/sandbox/reference-timings.ts';
import { type HumanEvalSample, checkHumanEvalSamples } from '../src/benchmarks/humaneval/check-samples.ts';
import { humanEvalJob, problemOf } from '../src/benchmarks/humaneval/humaneval-task.ts';
import { loadHumanEval } from '../src/benchmarks/humaneval/load-humaneval.ts';
import { DEFAULT_TIME_LIMIT, timeLimitMs } from '../src/core/code/time-limit.ts';
import { SHARED_DIR } from '../test/helpers/shared-dir.ts';

const file = process.argv[2];
if (!file) {
  console.log('usage: node bench/humaneval-parity.ts <results.jsonl> [--fixed MS] [--data-dir DIR]');
  process.exit(2);
}
const opt = (n: string) => {
  const i = process.argv.indexOf(n);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const fixed = opt('--fixed') ? Number(opt('--fixed')) : null;
const dataDir = opt('--data-dir') ?? `${SHARED_DIR}datasets`;
const items = await loadHumanEval({ dataDir, cacheDir: '/nonexistent', online: false });
const problems = new Map(items.map((it) => [it.id, problemOf(it)]));
const samples = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as HumanEvalSample);
const ex = await openExecutor();
const timings = new ReferenceTimings();
const start = performance.now();
const checks = await checkHumanEvalSamples(ex, problems, samples, async (p) =>
  fixed !== null
    ? fixed
    : timeLimitMs(
        DEFAULT_TIME_LIMIT,
        await timings.get(p.taskId, ex, () =>
          humanEvalJob(p, p.canonicalSolution, 30_000, { graceMs: 1000, memoryBytes: 4 * 1024 ** 3 }),
        ),
      ),
);
const secs = (performance.now() - start) / 1000;
const compared = checks.filter((c) => c.reference !== null);
const diff = compared.filter((c) => c.passed !== c.reference);
console.log(
  `${checks.length} samples in ${secs.toFixed(1)} s (${(checks.length / secs).toFixed(0)}/s); passed ${checks.filter((c) => c.passed).length}; compared ${compared.length}, disagreements ${diff.length}`,
);
for (const d of diff.slice(0, 50))
  console.log(`  line ${d.index + 1} ${d.taskId}: here ${d.verdict}, human-eval ${samples[d.index]!.result}`);
await ex.close();
