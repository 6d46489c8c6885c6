// Scoring throughput on the real MATH and GSM8K files (../shared/datasets; skipped when absent).
// Run by hand: node bench/scoring.bench.ts
// Prints: MATH equivalence checks per second through the pool (mixed equal / not-equal pairs in the
// forms models write), the symbolic-only rate, and the time extraction + scoring adds per sample.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { EquivalencePool } from '../src/adapters/equivalence-pool/equivalence-pool.ts';
import { gsm8kScorer } from '../src/benchmarks/gsm8k/gsm8k-task.ts';
import { extractBoxed } from '../src/core/extract/extract-boxed.ts';
import { extractMathAnswer } from '../src/core/extract/extract-math-answer.ts';
import { sharedPath } from '../test/helpers/shared-dir.ts';

const mathFile = sharedPath('datasets/math/test.jsonl');
const gsmFile = sharedPath('datasets/gsm8k/test.jsonl');
if (!mathFile || !gsmFile) {
  console.log('skipped: ../shared/datasets/math and gsm8k are needed');
  process.exit(0);
}
const rows = readFileSync(mathFile, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { solution: string });
const golds = rows.map((r) => extractBoxed(r.solution)!);

// Predictions in the forms models write: the same answer re-written, and wrong answers.
function variants(g: string, other: string): string[] {
  return [
    g,
    g.replace(/\\frac/g, '\\dfrac'),
    /[,\\]/.test(g) ? `$${g}$` : `\\left(${g}\\right)`,
    `${g}.`,
    other,
    /^-?\d+$/.test(g) ? String(Number(g) + 1) : `${g}+1`,
  ];
}
const pairs: [string, string][] = [];
golds.forEach((g, i) => {
  for (const p of variants(g, golds[(i + 7) % golds.length]!)) pairs.push([g, p]);
});

const pool = new EquivalencePool({ size: Math.min(2, availableParallelism()), timeoutMs: 2000 });
// warm-up: start the workers and load the engine
await Promise.all(pairs.slice(0, 200).map(([a, b]) => pool.check(a, b)));
for (const k of Object.keys(pool.stats) as (keyof typeof pool.stats)[]) pool.stats[k] = 0;

let t = performance.now();
const res = await Promise.all(pairs.map(([a, b]) => pool.check(a, b)));
let ms = performance.now() - t;
const stats = { ...pool.stats };
console.log(
  `MATH equivalence, mixed: ${pairs.length} checks in ${ms.toFixed(0)} ms = ${Math.round((pairs.length / ms) * 1000)} checks/s ` +
    `(quick ${stats.quick}, symbolic ${stats.symbolic}, timeouts ${stats.timeouts}; equal ${res.filter((r) => r.equal).length})`,
);

// the symbolic remainder again, on a fresh pool (cold parse caches), after a warm-up on unrelated pairs
const hard = pairs.filter((_, i) => res[i]!.method === 'symbolic' || res[i]!.method === 'timeout');
await pool.close();
const cold = new EquivalencePool({ size: Math.min(2, availableParallelism()), timeoutMs: 2000 });
await Promise.all(Array.from({ length: 50 }, (_, i) => cold.check(`${i}x`, `x\\cdot ${i}`)));
t = performance.now();
await Promise.all(hard.map(([a, b]) => cold.check(a, b)));
ms = performance.now() - t;
console.log(
  `MATH equivalence, symbolic only: ${hard.length} checks in ${ms.toFixed(0)} ms = ${Math.round((hard.length / ms) * 1000)} checks/s`,
);

// Extraction + scoring per sample, on full-length responses (the reference solutions).
t = performance.now();
await Promise.all(
  rows.map(async (r, i) => {
    const a = extractMathAnswer(r.solution);
    return a ? cold.check(golds[i]!, a.answer) : null;
  }),
);
const mathPer = (performance.now() - t) / rows.length;
const gsm = readFileSync(gsmFile, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { answer: string });
t = performance.now();
for (const g of gsm)
  gsm8kScorer({ text: g.answer, reasoning: null }, { id: 'x', input: '', target: '0', metadata: {} });
const gsmPer = (performance.now() - t) / gsm.length;
console.log(
  `extraction + scoring per sample: MATH ${(mathPer * 1000).toFixed(0)} µs, GSM8K ${(gsmPer * 1000).toFixed(0)} µs`,
);
// A sample's generation takes far longer than its scoring: even a fast local model at 200 tokens/s writing a
// 300-token MATH solution takes 1.5 s per sample, so scoring adds this share of the run's wall time:
for (const genMs of [250, 1500]) {
  console.log(
    `  overhead vs ${genMs} ms per generated sample (serial worst case): MATH ${((mathPer / genMs) * 100).toFixed(3)}%, GSM8K ${((gsmPer / genMs) * 100).toFixed(3)}%`,
  );
}
await cold.close();
