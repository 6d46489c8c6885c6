import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openStore } from '../../src/adapters/store/open-store.ts';
import { loadSweBenchVerified } from '../../src/benchmarks/swe-bench-verified/load-swe-bench-verified.ts';
import {
  extractPatch,
  predictionsJsonl,
} from '../../src/benchmarks/swe-bench-verified/swe-bench-predictions.ts';
import { parseSweReport, reportToResult } from '../../src/benchmarks/swe-bench-verified/swe-bench-report.ts';
import { benchmark, model, runSpec, sample } from '../helpers/fixtures.ts';
import { runCli } from '../helpers/run-cli.ts';
import { SHARED_DIR, skipWithoutShared } from '../helpers/shared-dir.ts';

const DIFF = 'diff --git a/x.py b/x.py\n--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-a = 1\n+a = 2\n';

function report(resolved: string[], total = 500) {
  return {
    total_instances: total,
    submitted_instances: 3,
    completed_instances: 3,
    resolved_instances: resolved.length,
    unresolved_instances: 3 - resolved.length,
    empty_patch_instances: 0,
    error_instances: 0,
    completed_ids: ['a__a-1', 'b__b-2', 'c__c-3'],
    resolved_ids: resolved,
    unresolved_ids: [],
    error_ids: [],
    schema_version: 2,
  };
}

test('the patch is taken from a diff fence after reasoning, or from the first diff header', () => {
  assert.equal(extractPatch(`<think>hmm</think>Fix:\n\`\`\`diff\n${DIFF}\`\`\`\n`), DIFF);
  assert.equal(extractPatch(`Here you go.\n${DIFF}`), DIFF);
  assert.equal(extractPatch('I could not find the bug.'), '');
});

test('predictions are written in the harness format, one JSON object per line', () => {
  const text = predictionsJsonl([
    { instance_id: 'django__django-1', model_name_or_path: 'm', model_patch: DIFF },
  ]);
  assert.deepEqual(JSON.parse(text.trim()), {
    instance_id: 'django__django-1',
    model_name_or_path: 'm',
    model_patch: DIFF,
  });
  assert.ok(text.endsWith('\n'));
});

test('a harness report becomes a resolved-rate result over all instances', () => {
  const r = reportToResult(parseSweReport(JSON.stringify(report(['a__a-1', 'b__b-2'])), 'r.json'), {
    model: 'm-7b',
    runId: 'run-1',
  });
  assert.equal(r.benchmark, 'swe-bench-verified');
  assert.equal(r.metric, 'resolved-rate');
  assert.equal(r.value, 0.4);
  assert.equal(r.n, 500);
  assert.equal(r.source, 'run');
  assert.throws(
    () => parseSweReport(JSON.stringify({ ...report(['a']), resolved_instances: 2 }), 'r.json'),
    /r\.json: field resolved_ids/,
  );
  assert.throws(() => parseSweReport('{"total_instances": 1}', 'bad.json'), /bad\.json: field/);
});

let dir: string;
let store: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ys-swe-'));
  store = join(dir, 'store.db');
  const s = await openStore(store);
  try {
    await s.importBatch({ models: [model()] });
    const spec = runSpec({ id: 'swe-run', benchmark: 'bench' });
    await s.importBatch({ benchmarks: [benchmark()] });
    await s.createRun(spec);
    const unscored = {
      runId: 'swe-run',
      messages: [],
      extracted: null,
      verdict: 'no-answer' as const,
      score: null,
    };
    await s.putSamples([
      sample({ ...unscored, itemId: 'b__b-2', response: `\`\`\`diff\n${DIFF}\`\`\`` }),
      sample({ ...unscored, itemId: 'a__a-1', response: 'no idea' }),
    ]);
  } finally {
    await s.close();
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('swebench export writes a stored run as a predictions file', () => {
  const out = join(dir, 'preds.jsonl');
  const r = runCli(['--store', store, 'swebench', 'export', '--run', 'swe-run', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  const preds = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    preds.map((p) => [p.instance_id, p.model_name_or_path, p.model_patch]),
    [
      ['a__a-1', 'm-7b', ''],
      ['b__b-2', 'm-7b', DIFF],
    ],
  );
});

test('swebench import stores the resolved rate so results and charts show it', () => {
  const file = join(dir, 'm.swe-run.json');
  writeFileSync(file, JSON.stringify(report(['b__b-2'])));
  const catalog = runCli(['--store', store, 'catalog', 'load']);
  assert.equal(catalog.status, 0, catalog.stderr);
  const r = runCli(['--store', store, 'swebench', 'import', file, '--model', 'm-7b', '--run', 'swe-run']);
  assert.equal(r.status, 0, r.stderr);
  const out = runCli([
    '--store',
    store,
    'results',
    '--benchmark',
    'swe-bench-verified',
    '--model',
    'm-7b',
    '--json',
  ]);
  const rows = JSON.parse(out.stdout) as unknown[];
  assert.equal(rows.length, 1);
  assert.match(JSON.stringify(rows[0]), /"value":0\.2/);
  const unknown = runCli([
    '--store',
    store,
    'swebench',
    'import',
    file,
    '--model',
    'nobody',
    '--run',
    'swe-run',
  ]);
  assert.notEqual(unknown.status, 0);
  assert.match(unknown.stderr, /unknown model "nobody"/);
});

test('the 500 SWE-bench Verified instances load with repo and base commit', {
  skip: skipWithoutShared('datasets/swe_bench_verified/swebench_verified.jsonl'),
}, async () => {
  const items = await loadSweBenchVerified({
    dataDir: `${SHARED_DIR}datasets`,
    cacheDir: '/nonexistent',
    online: false,
  });
  assert.equal(items.length, 500);
  assert.equal(new Set(items.map((i) => i.id)).size, 500);
  assert.ok(
    items.every((i) => /\//.test(String(i.metadata.repo)) && String(i.metadata.baseCommit).length >= 7),
  );
});
