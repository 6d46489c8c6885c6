import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../../../src/adapters/store/sqlite/open-sqlite-store.ts';
import { sampleSeed } from '../../../src/core/engine/sample-seed.ts';
import type { SampleRecord } from '../../../src/core/schema/index.ts';
import { startFakeServer } from '../../adapters/providers/fake-model-server.ts';
import { collect } from './eval-fixture.ts';
import { seededRandom as rng } from '../../helpers/seeded-random.ts';

const MAIN = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ys-resume-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const LIMIT = 80;
const SAMPLES = 2;
const TOTAL = LIMIT * SAMPLES;

function cli(store: string, args: string[]): ChildProcess {
  return spawn(process.execPath, [MAIN, '--store', store, 'eval', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

async function storedRun(store: string): Promise<{ id: string; samples: SampleRecord[] } | null> {
  const s = await openSqliteStore(store);
  try {
    const run = (await s.runs())[0];
    return run ? { id: run.spec.id, samples: await collect(s.samples(run.spec.id)) } : null;
  } finally {
    await s.close();
  }
}

const comparable = (s: SampleRecord) =>
  [s.itemId, s.sampleIndex, s.response, s.verdict, s.score, s.extracted].join('|');

test('a run killed with SIGKILL at random points resumes to exactly the samples of an uninterrupted run, resending nothing recorded', async () => {
  const server = await startFakeServer({ latencyMs: 4 });
  try {
    const common = [
      '-m',
      `openai:fake@${server.url}`,
      '-b',
      'arithmetic',
      '--limit',
      String(LIMIT),
      '--samples',
      String(SAMPLES),
      '--concurrency',
      '4',
      '--temperature',
      '0.7',
    ];
    const refStore = join(dir, 'reference.db');
    assert.equal(await exited(cli(refStore, common)), 0);
    const reference = await storedRun(refStore);
    assert.equal(reference?.samples.length, TOTAL);
    const expected = reference!.samples.map(comparable);

    const random = rng(20261123);
    let partialResumes = 0;
    for (let iteration = 0; iteration < 3; iteration++) {
      const store = join(dir, `killed-${iteration}.db`);
      let runId: string | null = null;
      let kills = 0;
      for (let attempt = 0; attempt < 6; attempt++) {
        const mark = server.log.length;
        const recorded = runId
          ? new Set((await storedRun(store))!.samples.map((s) => sampleSeed(0, s.itemId, s.sampleIndex)))
          : new Set<number>();
        if (recorded.size > 0 && recorded.size < TOTAL) partialResumes++;
        const child = cli(store, runId ? ['--resume', runId] : common);
        const done = exited(child);
        // Kill at a random number of requests into this execution (the last attempt runs to the end).
        if (attempt < 2) {
          const target = mark + 1 + Math.floor(random() * TOTAL * 0.9);
          while (server.log.length < target && child.exitCode === null)
            await new Promise((r) => setTimeout(r, 1));
          child.kill('SIGKILL');
          kills++;
        }
        const code = await done;
        for (const r of server.log.slice(mark)) {
          assert.ok(
            !recorded.has(r.body.seed as number),
            `a recorded sample was requested again (seed ${r.body.seed})`,
          );
        }
        const run = await storedRun(store);
        runId = run?.id ?? null;
        if (code === 0) break;
      }
      assert.ok(kills >= 1);
      const final = await storedRun(store);
      assert.equal(final?.samples.length, TOTAL, 'no sample lost');
      assert.equal(
        new Set(final!.samples.map((s) => `${s.itemId}/${s.sampleIndex}`)).size,
        TOTAL,
        'no sample duplicated',
      );
      assert.deepEqual(final!.samples.map(comparable), expected);
    }
    assert.ok(partialResumes >= 2, `only ${partialResumes} resumes started from a partly recorded run`);
  } finally {
    await server.close();
  }
});
