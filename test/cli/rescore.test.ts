import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openStore } from '../../src/adapters/store/open-store.ts';
import type { SampleRecord } from '../../src/core/schema/index.ts';
import { benchmark, model, runSpec, sample } from '../helpers/fixtures.ts';
import { runCli } from '../helpers/run-cli.ts';
import { sharedPath, skipWithoutShared } from '../helpers/shared-dir.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-rescore-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('rescore re-scores stored responses without the model and records the scorer version', {
  skip: skipWithoutShared('datasets/gsm8k'),
}, async () => {
  const db = join(dir, 'r.db');
  const store = await openStore(db);
  await store.importBatch({ models: [model()], benchmarks: [benchmark({ id: 'gsm8k' })] });
  await store.createRun(
    runSpec({ id: 'old-run', benchmark: 'gsm8k', task: { kind: 'task', name: 'gsm8k', args: {} } }),
  );
  // As an older, cruder scorer left them: "$1,250" read as 1 and marked wrong; an answer-less reply marked wrong.
  const old = (itemId: string, response: string | null, over: Partial<SampleRecord> = {}) =>
    sample({
      runId: 'old-run',
      itemId,
      response,
      extracted: '1',
      verdict: 'incorrect',
      score: 0,
      scorerVersion: 'crude-0',
      ...over,
    });
  await store.putSamples([
    old('0', 'Janet makes 9 * 2 = 18 dollars.\nThe answer is $18.'),
    old('1', 'The answer is 3 bolts.'),
    old('2', 'I cannot tell.'),
    old('3', null, { verdict: 'error', extracted: null, score: null, error: 'timeout' }),
    // a scorer that gave no verdict in time: an error, re-tried by rescore
    old('4', 'So #### 20', { verdict: 'error', extracted: '20', score: null, error: 'scorer-timeout' }),
  ]);
  await store.close();

  const r = runCli(['--store', db, 'rescore', 'old-run', '--json'], {
    YARDSTICK_DATA_DIR: sharedPath('datasets')!,
    YARDSTICK_OFFLINE: '1',
  });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as {
    rescored: number;
    changed: number;
    retried: number;
    errors: Record<string, number>;
    rules: Record<string, number>;
    transitions: Record<string, number>;
    changes: { itemId: string; why: string[] }[];
    scorerVersion: string;
    metrics: { name: string; value: number }[];
  };
  assert.equal(out.rescored, 4);
  assert.equal(out.changed, 4);
  assert.equal(out.retried, 1);
  assert.deepEqual(out.errors, { timeout: 1 });
  assert.deepEqual(out.rules, { 'answer-is': 2, none: 1, hashes: 1 });
  assert.deepEqual(out.transitions, {
    'incorrect -> correct': 2,
    'incorrect -> no-answer': 1,
    'error -> correct': 1,
  });
  const why = new Map(out.changes.map((c) => [c.itemId, c.why]));
  assert.deepEqual(why.get('0'), [
    'scorer crude-0 -> gsm8k-number-3',
    'extraction rule unknown -> answer-is',
    'extracted "1" -> "18"',
    'equivalence unknown -> numeric',
  ]);
  assert.ok(why.get('4')!.includes('re-tried after scorer-timeout'));
  assert.equal(out.scorerVersion, 'gsm8k-number-3');
  assert.ok(out.metrics.some((m) => m.name === 'extraction-failure-rate'));

  const again = await openStore(db);
  const rows = new Map<string, SampleRecord>();
  for await (const s of again.samples('old-run')) rows.set(s.itemId, s);
  await again.close();
  assert.equal(rows.get('0')!.verdict, 'correct');
  assert.equal(rows.get('0')!.extracted, '18');
  assert.equal(rows.get('0')!.scorerVersion, 'gsm8k-number-3');
  assert.equal(rows.get('1')!.verdict, 'correct');
  assert.equal(rows.get('2')!.verdict, 'no-answer');
  assert.equal(rows.get('2')!.extracted, null);
  assert.equal(rows.get('3')!.verdict, 'error');
  assert.equal(rows.get('3')!.scorerVersion, 'crude-0');
  assert.equal(rows.get('4')!.verdict, 'correct');
  assert.equal(rows.get('4')!.error, null);
  assert.deepEqual(rows.get('0')!.scoring, {
    rule: 'answer-is',
    extracted: '18',
    normalized: { gold: '18', answer: '18' },
    method: 'numeric',
  });

  const text = runCli(['--store', db, 'rescore', 'old-run'], {
    YARDSTICK_DATA_DIR: sharedPath('datasets')!,
    YARDSTICK_OFFLINE: '1',
  });
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /0 changed/);
  assert.match(text.stdout, /extraction rules: answer-is 2, none 1, hashes 1/);
  assert.match(text.stdout, /errors \(excluded from scores\): 1 timeout/);
});

test('rescore of an unknown run fails with one clear line', () => {
  const r = runCli(['--store', join(dir, 'empty.db'), 'rescore', 'nope']);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /no run "nope"/);
});
