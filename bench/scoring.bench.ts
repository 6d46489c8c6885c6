// Scoring throughput on the gold corpus (../shared/datasets; skipped when absent).
// Run by hand: node bench/scoring.bench.ts
// Prints, best of 3 rounds each:
//  1. MATH checks/s end to end, cold pool included: a new pool (2 workers) is created inside the timed span, and
//     every response of the corpus is extracted and checked against its gold. The corpus: each MATH (5,000) and
//     MATH-500 (500) reference solution as a response, plus the answer re-written the ways models write it
//     (\dfrac, \left(…\right), "$…$.", "x = …") and two wrong answers per item; ~38,500 checks.
//  2. the symbolic remainder alone (the pairs the quick checks leave to the engine), on a fresh pool;
//  3. the hand-written equivalence pairs (test/core/equivalence/pairs.jsonl), on a fresh pool;
//  4. extraction + scoring per sample for MATH and GSM8K, and its share of a run's wall time.
import { readFileSync } from 'node:fs';
import { EquivalencePool } from '../src/adapters/equivalence-pool/equivalence-pool.ts';
import { gsm8kScorer } from '../src/benchmarks/gsm8k/gsm8k-task.ts';
import { extractBoxed } from '../src/core/extract/extract-boxed.ts';
import { extractMathAnswer } from '../src/core/extract/extract-math-answer.ts';
import { sharedPath } from '../test/helpers/shared-dir.ts';

const mathFile = sharedPath('datasets/math/test.jsonl');
const m500File = sharedPath('datasets/math500/test.jsonl');
const gsmFile = sharedPath('datasets/gsm8k/test.jsonl');
if (!mathFile || !m500File || !gsmFile) {
  console.log('skipped: ../shared/datasets/math, math500 and gsm8k are needed');
  process.exit(0);
}
const jsonl = <T>(f: string) =>
  readFileSync(f, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as T);
const math = jsonl<{ solution: string }>(mathFile).map((r) => ({
  gold: extractBoxed(r.solution)!,
  solution: r.solution,
}));
const m500 = jsonl<{ answer: string; solution: string }>(m500File).map((r) => ({
  gold: r.answer,
  solution: r.solution,
}));
const items = [...math, ...m500];

/** The forms models write for a gold answer, and two wrong answers. */
function responses(g: string, other: string): string[] {
  return [
    `The final answer is $\\boxed{${g.replace(/\\frac/g, '\\dfrac')}}$.`,
    /[,\\]/.test(g)
      ? `Final Answer: The final answer is $${g}$. I hope it is correct.`
      : `\\boxed{\\left(${g}\\right)}`,
    /^-?\d+$/.test(g) ? `So x = ${g}.` : `The answer is $${g}$.`,
    `\\boxed{${other}}`,
    /^-?\d+$/.test(g) ? `#### ${Number(g) + 1}` : `\\boxed{${g}+1}`,
  ];
}
const corpus: [string, string][] = [];
items.forEach((it, i) => {
  corpus.push([it.gold, it.solution]);
  for (const r of responses(it.gold, items[(i + 7) % items.length]!.gold)) corpus.push([it.gold, r]);
});

async function endToEnd(pairs: [string, string][]) {
  const t = performance.now();
  const pool = new EquivalencePool({ size: 2 });
  const res = await Promise.all(
    pairs.map(([gold, response]) => {
      const found = extractMathAnswer(response);
      return found ? pool.check(gold, found.answer) : null;
    }),
  );
  const ms = performance.now() - t;
  const stats = { ...pool.stats };
  await pool.close();
  return { ms, stats, res };
}

const best = async (f: () => Promise<{ ms: number }>) => {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await f());
  return runs.sort((a, b) => a.ms - b.ms)[0]! as Awaited<ReturnType<typeof f>>;
};

const e2e = (await best(() => endToEnd(corpus))) as Awaited<ReturnType<typeof endToEnd>>;
const equal = e2e.res.filter((r) => r?.equal).length;
console.log(
  `MATH end to end, cold pool included: ${corpus.length} checks in ${e2e.ms.toFixed(0)} ms = ` +
    `${Math.round((corpus.length / e2e.ms) * 1000)} checks/s (quick ${e2e.stats.quick}, symbolic ${e2e.stats.symbolic}, ` +
    `retries ${e2e.stats.retries}, timeouts ${e2e.stats.timeouts}; equal ${equal})`,
);

// the symbolic remainder alone, on a fresh pool (start-up included)
const hard = corpus.filter((_, i) => e2e.res[i]?.method === 'symbolic' || e2e.res[i]?.method === 'timeout');
const sym = (await best(() => endToEnd(hard))) as Awaited<ReturnType<typeof endToEnd>>;
console.log(
  `MATH symbolic remainder, cold pool included: ${hard.length} checks in ${sym.ms.toFixed(0)} ms = ` +
    `${Math.round((hard.length / sym.ms) * 1000)} checks/s`,
);

// the hand-written pairs
const table = readFileSync(new URL('../test/core/equivalence/pairs.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { gold: string; pred: string });
const handPairs = table.map((p) => [p.gold, `\\boxed{${p.pred}}`] as [string, string]);
const hand = (await best(() => endToEnd(handPairs))) as Awaited<ReturnType<typeof endToEnd>>;
console.log(
  `hand-written pairs, cold pool included: ${handPairs.length} checks in ${hand.ms.toFixed(0)} ms = ` +
    `${Math.round((handPairs.length / hand.ms) * 1000)} checks/s (symbolic ${hand.stats.symbolic})`,
);

// extraction + scoring per sample, warm, on full-length responses (the reference solutions)
const warm = new EquivalencePool({ size: 2 });
await Promise.all(math.slice(0, 200).map((r) => warm.check(r.gold, `${r.gold}+0`)));
let t = performance.now();
await Promise.all(
  math.map(async (r) => {
    const a = extractMathAnswer(r.solution);
    return a ? warm.check(r.gold, a.answer) : null;
  }),
);
const mathPer = (performance.now() - t) / math.length;
await warm.close();
const gsm = jsonl<{ answer: string }>(gsmFile);
t = performance.now();
for (const g of gsm)
  gsm8kScorer({ text: g.answer, reasoning: null }, { id: 'x', input: '', target: '0', metadata: {} });
const gsmPer = (performance.now() - t) / gsm.length;
console.log(
  `extraction + scoring per sample: MATH ${(mathPer * 1000).toFixed(0)} µs, GSM8K ${(gsmPer * 1000).toFixed(0)} µs`,
);
for (const genMs of [250, 1500]) {
  console.log(
    `  overhead vs ${genMs} ms per generated sample (serial worst case): MATH ${((mathPer / genMs) * 100).toFixed(3)}%, GSM8K ${((gsmPer / genMs) * 100).toFixed(3)}%`,
  );
}
