import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sharedEquivalencePool } from '../../src/adapters/equivalence-pool/equivalence-pool.ts';
import { openStore } from '../../src/adapters/store/open-store.ts';
import { rescoreRun } from '../../src/app/rescore-run.ts';
import { builtinRegistry } from '../../src/registry/builtin.ts';
import { benchmark, model, runSpec, sample } from '../helpers/fixtures.ts';
import { sharedPath, skipWithoutShared } from '../helpers/shared-dir.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-determinism-'));
after(async () => {
  await sharedEquivalencePool().close();
  rmSync(dir, { recursive: true, force: true });
});

/** Responses of the shapes models write: whole solutions, and answers rewritten so the symbolic engine decides. */
function responses(rows: { unique_id: string; answer: string; solution: string }[]) {
  const out: { itemId: string; sampleIndex: number; response: string }[] = [];
  rows.forEach((r, i) => {
    out.push({ itemId: r.unique_id, sampleIndex: 0, response: r.solution });
    if (/[,\\[\]]|\\text|\\begin|=|\\pm|\\in|\\cup/.test(r.answer) || i % 2 === 1) return;
    const wrong = i % 4 === 0;
    const rewritten = wrong
      ? `\\frac{2\\left(${r.answer}\\right)+1}{2}`
      : `\\frac{2\\left(${r.answer}\\right)}{2}`;
    out.push({
      itemId: r.unique_id,
      sampleIndex: 1,
      response: `So the final answer is $\\boxed{${rewritten}}$.`,
    });
  });
  return out;
}

test('rescoring the same stored MATH-500 responses 10 times gives identical verdicts beside two CPU-bound processes', {
  skip: skipWithoutShared('datasets/math500/test.jsonl'),
}, async () => {
  const rows = readFileSync(sharedPath('datasets/math500/test.jsonl')!, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { unique_id: string; answer: string; solution: string });
  const db = join(dir, 'determinism.db');
  const store = await openStore(db);
  await store.importBatch({ models: [model()], benchmarks: [benchmark({ id: 'math-500' })] });
  await store.createRun(
    runSpec({ id: 'run-d', benchmark: 'math-500', task: { kind: 'task', name: 'math-500', args: {} } }),
  );
  const stored = responses(rows);
  await store.putSamples(
    stored.map((s) => sample({ runId: 'run-d', ...s, extracted: null, verdict: 'incorrect', score: 0 })),
  );
  const ctx = { dataDir: sharedPath('datasets'), cacheDir: join(dir, 'cache'), online: false };
  const burners: ChildProcess[] = [0, 1].map(() =>
    // each stops by itself after 5 minutes should this test die before it kills them
    spawn(process.execPath, ['-e', 'const end = Date.now() + 300000; while (Date.now() < end);'], {
      stdio: 'ignore',
    }),
  );
  const verdicts: Map<string, string>[] = [];
  try {
    for (let round = 0; round < 10; round++) {
      await rescoreRun(store, builtinRegistry(), 'run-d', ctx);
      const v = new Map<string, string>();
      for await (const s of store.samples('run-d'))
        v.set(`${s.itemId}#${s.sampleIndex}`, `${s.verdict} ${s.scoring?.method}`);
      verdicts.push(v);
    }
  } finally {
    for (const b of burners) b.kill('SIGKILL');
    await store.close();
  }
  const symbolic = [...verdicts[0]!.values()].filter((v) => v.endsWith('symbolic')).length;
  assert.ok(symbolic >= 100, `${symbolic} samples decided by the symbolic engine`);
  let differences = 0;
  const examples: string[] = [];
  for (const v of verdicts.slice(1)) {
    for (const [k, verdict] of v) {
      if (verdicts[0]!.get(k) !== verdict) {
        differences++;
        if (examples.length < 5) examples.push(`${k}: ${verdicts[0]!.get(k)} then ${verdict}`);
      }
    }
  }
  assert.equal(differences, 0, examples.join('; '));
  const errors = [...verdicts[0]!.values()].filter((v) => v.startsWith('error')).length;
  assert.equal(errors, 0);
  assert.equal(verdicts[0]!.size, stored.length);
});
