// Sandbox throughput on HumanEval, against openai/human-eval's published figures on the same samples
// (one forked process per sample, 3 s timeout: 1,640 canonical samples in ~17.7 s; ~265 s when 10% of
// samples never terminate and 10% are wrong). Needs ../shared/datasets/humaneval and bubblewrap.
// Run: node bench/sandbox.bench.ts [--workers N] [--unsafe-local]
import { availableParallelism } from 'node:os';
import { openExecutor } from '../src/adapters/sandbox/open-executor.ts';
import { ReferenceTimings } from '../src/adapters/sandbox/reference-timings.ts';
import { humanEvalJob, problemOf } from '../src/benchmarks/humaneval/humaneval-task.ts';
import { loadHumanEval } from '../src/benchmarks/humaneval/load-humaneval.ts';
import { DEFAULT_TIME_LIMIT, timeLimitMs } from '../src/core/code/time-limit.ts';
import type { ExecJobInput } from '../src/core/sandbox/exec-job.ts';
import { sharedPath } from '../test/helpers/shared-dir.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const dataDir = sharedPath('datasets');
if (!dataDir || !sharedPath('datasets/humaneval/HumanEval.jsonl.gz')) {
  console.log('skipped: ../shared/datasets/humaneval is absent');
  process.exit(0);
}
const workers = Number(arg('--workers') ?? Math.max(2, availableParallelism() * 2));
const ex = await openExecutor({
  workers,
  unsafeLocal: process.argv.includes('--unsafe-local'),
  onWarning: () => {},
});
const items = await loadHumanEval({ dataDir, cacheDir: '/nonexistent', online: false });
const problems = items.map(problemOf);
const opts = { graceMs: 1000, memoryBytes: 4 * 1024 ** 3 };
console.log(
  `${ex.kind}, ${workers} workers, ${availableParallelism()} cores (shared with other work: figures are pessimistic)`,
);

// 1. Reference runtimes -> per-problem limits (measured once; not part of the timed runs).
const t = performance.now();
const timings = new ReferenceTimings();
const limits = await Promise.all(
  problems.map(async (p) =>
    timeLimitMs(
      DEFAULT_TIME_LIMIT,
      await timings.get(p.taskId, ex, () => humanEvalJob(p, p.canonicalSolution, 30_000, opts)),
    ),
  ),
);
console.log(
  `reference runtimes measured in ${((performance.now() - t) / 1000).toFixed(1)} s; limits ${Math.min(...limits)}..${Math.max(...limits)} ms`,
);

async function runAll(jobs: { job: ExecJobInput; expect: string }[]) {
  const start = performance.now();
  const rs = await Promise.all(jobs.map((j) => ex.run(j.job)));
  const secs = (performance.now() - start) / 1000;
  const wrong = rs.filter((r, i) => !jobs[i]!.expect.split('|').includes(r.tests[0]!.verdict)).length;
  return { secs, wrong, rate: jobs.length / secs };
}

// 2. 1,640 canonical samples (every canonical solution ten times).
const canonical = problems.flatMap((p, i) =>
  Array.from({ length: 10 }, () => ({
    job: humanEvalJob(p, p.canonicalSolution, limits[i]!, opts),
    expect: 'pass',
  })),
);
const a = await runAll(canonical);
console.log(
  `1,640 canonical samples: ${a.secs.toFixed(2)} s, ${a.rate.toFixed(0)} samples/s, verdicts not pass: ${a.wrong} (target >= 280/s; human-eval ~92/s)`,
);

// 3. 10% never terminate, 10% wrong, 80% canonical.
const mixed = problems.flatMap((p, i) =>
  Array.from({ length: 10 }, (_, k) =>
    k === 0
      ? { job: humanEvalJob(p, '    while True:\n        pass\n', limits[i]!, opts), expect: 'timeout' }
      : k === 1
        ? {
            job: humanEvalJob(p, `    return object()\n${p.canonicalSolution}`, limits[i]!, opts),
            expect: 'fail|error',
          }
        : { job: humanEvalJob(p, p.canonicalSolution, limits[i]!, opts), expect: 'pass' },
  ),
);
const b = await runAll(mixed);
console.log(
  `1,640 samples with 10% non-terminating, 10% wrong: ${b.secs.toFixed(1)} s, unexpected verdicts: ${b.wrong} (target < 60 s; human-eval ~265 s)`,
);

// 4. Sandbox overhead: round trip of a trivial job through the pool, minus the program's own run time.
const over: number[] = [];
for (let i = 0; i < 300; i++) {
  const s = performance.now();
  const r = await ex.run({
    mode: 'human-eval',
    program: 'x = 1\nassert x == 1\n',
    tests: [{ line: 2, timeoutMs: 1000 }],
  });
  over.push(performance.now() - s - (r.tests[0]!.ms ?? 0));
}
over.sort((x, y) => x - y);
console.log(
  `sandbox overhead per sample: median ${over[150]!.toFixed(2)} ms, p90 ${over[270]!.toFixed(2)} ms (target < 5 ms)`,
);
await ex.close();
