import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, test } from 'node:test';
import { openStore } from '../../src/adapters/store/open-store.ts';
import { recordRunResults } from '../../src/app/eval/record-run-results.ts';
import { arithmeticItems } from '../../src/tasks/arithmetic/arithmetic-task.ts';
import { benchmark, model, runSpec, sample } from '../helpers/fixtures.ts';
import { MAIN } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-rescore-kill-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ITEMS = 6000;
const OLD_SCORER = 'crude-0';

/** A finished run whose samples an older scorer marked all wrong, with the result it recorded. */
async function template(file: string): Promise<void> {
  const store = await openStore(file);
  await store.importBatch({ models: [model()], benchmarks: [benchmark({ id: 'arithmetic' })] });
  const spec = runSpec({
    id: 'kill-run',
    benchmark: 'arithmetic',
    task: { kind: 'task', name: 'arithmetic', args: { count: ITEMS, seed: 3 } },
  });
  await store.createRun(spec);
  const items = arithmeticItems(ITEMS, 3);
  await store.putSamples(
    items.map((item, i) =>
      sample({
        runId: 'kill-run',
        itemId: item.id,
        response: `Reasoning. The answer is ${i % 2 ? item.target : '0'}.`,
        extracted: '0',
        verdict: 'incorrect',
        score: 0,
        scorerVersion: OLD_SCORER,
      }),
    ),
  );
  await recordRunResults(store, spec, [
    { name: 'accuracy', value: 0, stderr: null, ciLow: null, ciHigh: null, n: ITEMS, k: null },
  ]);
  await store.updateRun('kill-run', { status: 'finished', finishedAt: new Date().toISOString() });
  await store.close();
}

/** Scorer versions of the run's samples and the value of its recorded result. */
function state(file: string): { versions: Map<string, number>; result: number } {
  const db = new DatabaseSync(file);
  const rows = db
    .prepare("select scorer_version v, count(*) n from samples where run_id = 'kill-run' group by v")
    .all() as { v: string; n: number }[];
  const res = db.prepare("select value from results where run_id = 'kill-run'").get() as { value: number };
  db.close();
  return { versions: new Map(rows.map((r) => [r.v, Number(r.n)])), result: res.value };
}

/** Runs `rescore` on the file; kills it with SIGKILL after `killAfterMs` unless it ends first. */
function rescore(file: string, killAfterMs: number | null): Promise<{ status: number | null; ms: number }> {
  const started = performance.now();
  const p = spawn(process.execPath, [MAIN, '--store', file, 'rescore', 'kill-run'], {
    stdio: 'ignore',
    env: { ...process.env, YARDSTICK_OFFLINE: '1' },
  });
  const timer = killAfterMs === null ? null : setTimeout(() => p.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) =>
    p.on('close', (status) => {
      if (timer) clearTimeout(timer);
      resolve({ status, ms: performance.now() - started });
    }),
  );
}

test('10 SIGKILLs of rescore at points spread over its run each leave the old or the new verdicts and result, never a mix', async () => {
  const base = join(dir, 'template.db');
  await template(base);
  const full = join(dir, 'full.db');
  copyFileSync(base, full);
  const whole = await rescore(full, null);
  assert.equal(whole.status, 0);
  const done = state(full);
  assert.deepEqual([...done.versions.keys()], ['last-number-1']);
  assert.equal(done.result, 50);

  const outcomes = { old: 0, new: 0 };
  for (let i = 1; i <= 10; i++) {
    const file = join(dir, `kill-${i}.db`);
    copyFileSync(base, file);
    await rescore(file, Math.round((whole.ms * i) / 10));
    const s = state(file);
    assert.equal(s.versions.size, 1, `kill ${i}: one scorer version, not ${[...s.versions.keys()]}`);
    const version = [...s.versions.keys()][0];
    assert.equal(s.versions.get(version!), ITEMS);
    if (version === OLD_SCORER) {
      assert.equal(s.result, 0, `kill ${i}: old verdicts with the old result`);
      outcomes.old++;
    } else {
      assert.equal(s.result, 50, `kill ${i}: new verdicts with the new result`);
      outcomes.new++;
    }
  }
  assert.equal(outcomes.old + outcomes.new, 10);
});
