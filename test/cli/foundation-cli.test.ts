import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { MAIN, runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const store = join(dir, 'store.db');
const cli = (...args: string[]) => runCli(['--store', store, ...args]);

test('catalog load, then results for LiveCodeBench v5 sorted by score lists the 12 models of figure 1', () => {
  const load = cli('catalog', 'load');
  assert.equal(load.status, 0, load.stderr);
  const r = cli('results', '--benchmark', 'livecodebench-v5', '--sort', 'score', '--json');
  assert.equal(r.status, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as {
    model: string;
    value: number;
    modelCard: { totalParamsB: number; categories: string[] };
  }[];
  assert.equal(rows.length, 12);
  const scores = rows.map((x) => x.value);
  assert.deepEqual(
    scores,
    [...scores].sort((a, b) => b - a),
  );
  assert.ok(rows.some((x) => x.model === 'dasd-4b-thinking' && x.modelCard.totalParamsB === 4));
  assert.ok(rows.every((x) => x.modelCard.categories.length > 0));
  const table = cli('results', '--benchmark', 'livecodebench-v5', '--sort', 'score');
  assert.match(table.stdout, /DASD-4B-Thinking/);
  assert.match(table.stdout, /12 results/);
});

test('loading the catalog twice changes nothing', () => {
  const before = cli('export').stdout;
  assert.equal(cli('catalog', 'load').status, 0);
  assert.equal(
    cli('export').stdout.replace(/"updatedAt":"[^"]*"/g, ''),
    before.replace(/"updatedAt":"[^"]*"/g, ''),
  );
});

test('a CSV with one malformed row is rejected with file:line, exit code 3, and the store is unchanged', () => {
  const before = cli('export').stdout;
  const csv = join(dir, 'table.csv');
  writeFileSync(
    csv,
    'kind,model,benchmark,metric,value,source,paper\n' +
      'result,qwen3-32b,math,accuracy,61.0,publication,Paper A\n' +
      'result,qwen3-14b,math,accuracy,sixty,publication,Paper A\n',
  );
  const r = cli('import', csv);
  assert.equal(r.status, 3);
  assert.match(
    r.stderr,
    new RegExp(`^${csv.replaceAll('.', '\\.')}:3: value: expected a number, got "sixty"`, 'm'),
  );
  assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);
  assert.equal(cli('export').stdout, before);
});

test('a CSV with broken quoting is rejected at its line and writes nothing', () => {
  const before = cli('export').stdout;
  const csv = join(dir, 'quote.csv');
  writeFileSync(
    csv,
    'kind,model,benchmark,metric,value,source,paper\nresult,qwen3-32b,math,accuracy,61,publication,"Paper A\n',
  );
  const r = cli('import', csv);
  assert.equal(r.status, 3);
  assert.match(r.stderr, /quote\.csv:\d+: broken CSV/);
  assert.equal(cli('export').stdout, before);
});

test('an unknown benchmark in a result is named with its file and line', () => {
  const f = join(dir, 'unknown.jsonl');
  writeFileSync(
    f,
    '{"kind":"result","model":"qwen3-32b","benchmark":"mmlu-pro","metric":"accuracy","value":1,"source":"publication","paper":"P"}\n',
  );
  const r = cli('import', f);
  assert.equal(r.status, 3);
  assert.match(r.stderr, /unknown\.jsonl:1: benchmark: unknown benchmark "mmlu-pro"/);
});

test('export then import into a new store reproduces it, in every format', () => {
  for (const format of ['jsonl', 'json']) {
    const file = join(dir, `all.${format}`);
    assert.equal(cli('export', '--format', format, '-o', file).status, 0);
    const other = join(dir, `copy-${format}.db`);
    const imp = runCli(['--store', other, 'import', file]);
    assert.equal(imp.status, 0, imp.stderr);
    assert.equal(runCli(['--store', other, 'export']).stdout, cli('export').stdout);
  }
  const csvs = ['benchmark', 'model', 'result'].map((kind) => {
    const file = join(dir, `${kind}.csv`);
    assert.equal(cli('export', '--format', 'csv', '--kind', kind, '-o', file).status, 0);
    return file;
  });
  const other = join(dir, 'copy-csv.db');
  const imp = runCli(['--store', other, 'import', ...csvs]);
  assert.equal(imp.status, 0, imp.stderr);
  assert.equal(
    runCli(['--store', other, 'export', '--kind', 'result']).stdout,
    cli('export', '--kind', 'result').stdout,
  );
});

test('results filter by family, size range and source', () => {
  const r = cli(
    'results',
    '--family',
    'Qwen3',
    '--min-params',
    '10B',
    '--max-params',
    '40B',
    '--source',
    'publication',
    '--json',
  );
  const rows = JSON.parse(r.stdout) as { model: string }[];
  assert.deepEqual([...new Set(rows.map((x) => x.model))].sort(), [
    'qwen3-14b',
    'qwen3-30b-a3b-instruct',
    'qwen3-32b',
    'qwen3-coder-30b-a3b',
  ]);
  const csv = cli(
    'results',
    '--benchmark',
    'swe-bench-verified',
    '--params',
    'active',
    '--max-params',
    '3.5B',
    '--csv',
  );
  assert.equal(csv.stdout.trim().split('\n').length, 1 + 4);
});

test('help shows examples; a bad option exits 2; the store location comes from the environment', () => {
  const help = runCli(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Examples:/);
  assert.match(runCli(['results', '--help']).stdout, /--sort score/);
  assert.equal(cli('results', '--sort', 'nonsense').status, 2);
  const env = runCli(['models', '--json'], { YARDSTICK_STORE: store });
  assert.ok((JSON.parse(env.stdout) as unknown[]).length > 40);
});

test('an unreachable PostgreSQL store is one clear line and exit code 4, with the password hidden', () => {
  const r = runCli(['--store', 'postgres://user:s3cret@127.0.0.1:1/db', 'models']);
  assert.equal(r.status, 4);
  assert.match(r.stderr, /cannot open store/);
  assert.doesNotMatch(r.stderr, /s3cret/);
});

test('a reader that closes the pipe early (results | head) ends the command quietly with exit code 0', async () => {
  assert.equal(cli('catalog', 'load').status, 0);
  // 150 KB of JSON: more than a pipe holds, so the command is still writing when the pipe closes.
  const child = spawn(process.execPath, [MAIN, '--store', store, 'results', '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  assert.equal(code, 0, stderr);
  assert.doesNotMatch(stderr, /EPIPE|Error/);
});
