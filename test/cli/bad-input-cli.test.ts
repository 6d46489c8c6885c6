import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-bad-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** `eval` of a model on a closed local port: every check here fails before any request. */
const evalOn = (store: string, ...args: string[]) =>
  runCli(['--store', store, 'eval', '-m', 'openai:x@http://127.0.0.1:9/v1', ...args]);

/** A billion-laughs YAML: nine levels of nine aliases each. */
function aliasBomb(prefix = ''): string {
  const lines = [`${prefix}a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let i = 1; i < 9; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(',')}]`,
    );
  return `${lines.join('\n')}\n`;
}

test('a YAML alias bomb in a suite or task file is refused in one line naming file and line', () => {
  const store = join(dir, 'yaml.db');
  const suite = join(dir, 'bomb-suite.yaml');
  writeFileSync(suite, aliasBomb());
  const a = runCli(['--store', store, 'eval', suite]);
  assert.equal(a.status, 3, a.stderr);
  assert.equal(
    a.stderr,
    `yardstick: ${suite}:2: invalid YAML: its aliases expand beyond 100 nodes (an alias bomb?)\n`,
  );
  const task = join(dir, 'bomb-task.yaml');
  writeFileSync(task, aliasBomb());
  const b = evalOn(store, '-b', task);
  assert.equal(b.status, 3, b.stderr);
  assert.match(b.stderr, /^yardstick: .*bomb-task\.yaml:2: invalid YAML: its aliases expand/);
  assert.equal(b.stderr.split('\n').length, 2, 'one line');
});

test('a bad --model-id gets one line naming the flag, and no run is recorded', () => {
  const store = join(dir, 'model-id.db');
  const r = evalOn(store, '-b', 'arithmetic', '--model-id', 'Not A Slug!');
  assert.equal(r.status, 2);
  assert.equal(
    r.stderr,
    'yardstick: --model-id "Not A Slug!": must be a lowercase slug (a-z, 0-9, ".", "-", "_")\n',
  );
  const runs = runCli(['--store', store, 'runs', '--json']);
  assert.deepEqual(JSON.parse(runs.stdout || '[]'), []);
});

test('a model spec whose base URL lacks a scheme is refused before any run or request', () => {
  const store = join(dir, 'scheme.db');
  const r = runCli(['--store', store, 'eval', '-m', 'openai:m@127.0.0.1:8000/v1', '-b', 'arithmetic'], {
    OPENAI_API_KEY: 'sk-should-never-be-sent',
  });
  assert.equal(r.status, 2);
  assert.match(
    r.stderr,
    /^yardstick: --model "openai:m@127\.0\.0\.1:8000\/v1": the base URL "127\.0\.0\.1:8000\/v1" has no scheme/,
  );
  const runs = runCli(['--store', store, 'runs', '--json']);
  assert.deepEqual(JSON.parse(runs.stdout || '[]'), [], 'no run was recorded');
});

/** The runs a store holds, as `runs --json` lists them. */
const runsIn = (store: string) => JSON.parse(runCli(['--store', store, 'runs', '--json']).stdout || '[]');

test('a dataset file with a NUL byte, invalid UTF-8 or a repeated key gets one line and exit 3, and records no run', () => {
  const store = join(dir, 'datasets.db');
  const data = join(dir, 'data');
  mkdirSync(join(data, 'mbpp'), { recursive: true });
  const cases: [string[], string, string][] = [];
  const nul = join(dir, 'nul.jsonl');
  writeFileSync(nul, '{"question":"a","answer":"#### 1"}\n{"question":"b\u0000","answer":"#### 2"}\n');
  cases.push([['-b', 'gsm8k', '--task-arg', `file=${nul}`], nul, '2: NUL byte: not a text file']);
  const mbpp = join(data, 'mbpp', 'mbpp.jsonl');
  writeFileSync(
    mbpp,
    Buffer.concat([Buffer.from('{"task_id":11,"text":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]),
  );
  cases.push([['-b', 'mbpp', '--data-dir', data], mbpp, '1: invalid UTF-8 (save the file as UTF-8)']);
  const rows = join(dir, 'rows.jsonl');
  writeFileSync(rows, '{"q":"a","a":"1"}\n{"q":"b","a":"2","q":"c"}\n');
  const task = join(dir, 'task.yaml');
  writeFileSync(
    task,
    'name: t\nbenchmark: t\ndataset: { path: rows.jsonl, input: q, target: a }\nprompt: { messages: [{ role: user, content: "{{input}}" }] }\n',
  );
  cases.push([['-b', task], rows, '2: duplicate key "q"']);
  for (const [args, file, problem] of cases) {
    const r = evalOn(store, ...args);
    assert.equal(r.status, 3, r.stderr);
    assert.equal(r.stderr, `yardstick: ${file}:${problem}\n`);
  }
  // In a suite, a bad dataset behind the second benchmark leaves no run of the first queued either.
  const suite = join(dir, 'two-benchmarks.yaml');
  writeFileSync(suite, `models: [openai:x@http://127.0.0.1:9/v1]\nbenchmarks: [arithmetic, ${task}]\n`);
  const r = runCli(['--store', store, 'eval', suite]);
  assert.equal(r.status, 3, r.stderr);
  assert.equal(r.stderr, `yardstick: ${rows}:2: duplicate key "q"\n`);
  assert.deepEqual(runsIn(store), [], 'no run was recorded');
});

test('a YAML suite file with a NUL byte or invalid UTF-8 is refused at its line', () => {
  const store = join(dir, 'yaml-bytes.db');
  const nul = join(dir, 'nul-suite.yaml');
  writeFileSync(nul, 'models: [openai:x@http://127.0.0.1:9/v1]\nbenchmarks: [arith\u0000metic]\n');
  const latin = join(dir, 'latin-suite.yaml');
  writeFileSync(
    latin,
    Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nmodels: []\n')]),
  );
  for (const [file, problem] of [
    [nul, '2: NUL byte: not a text file'],
    [latin, '1: invalid UTF-8 (save the file as UTF-8)'],
  ]) {
    const r = runCli(['--store', store, 'eval', file!]);
    assert.equal(r.status, 3, r.stderr);
    assert.equal(r.stderr, `yardstick: ${file}:${problem}\n`);
  }
});

test('100,000 nested [ or - in a suite or task file is one line naming file, line and the nesting limit', () => {
  const store = join(dir, 'deep-yaml.db');
  const flow = join(dir, 'deep-flow-suite.yaml');
  writeFileSync(flow, `benchmarks: [arithmetic]\nmodels: ${'['.repeat(100_000)}\n`);
  const block = join(dir, 'deep-block-task.yaml');
  writeFileSync(block, `name: t\nprompt:\n  ${'- '.repeat(100_000)}x\n`);
  for (const [args, file, line] of [
    [['eval', flow], flow, 2],
    [['eval', '-m', 'openai:x@http://127.0.0.1:9/v1', '-b', block], block, 3],
  ] as const) {
    const r = runCli(['--store', store, ...args]);
    assert.equal(r.status, 3, r.stderr);
    assert.equal(r.stderr, `yardstick: ${file}:${line}: invalid YAML: nested deeper than 100 levels\n`);
  }
  assert.deepEqual(runsIn(store), []);
});

test('deeply nested or repeated-key JSON in --extra-body, --task-arg or a dataset is one line, and records no run', () => {
  const store = join(dir, 'deep-json.db');
  const deep = `${'['.repeat(60_000)}${']'.repeat(60_000)}`;
  const data = join(dir, 'deep.jsonl');
  writeFileSync(data, `{"question":"a","answer":"#### 1"}\n{"question":${deep},"answer":"#### 2"}\n`);
  for (const [args, status, line] of [
    [['--extra-body', `{"top_k":${deep}}`], 2, '--extra-body: nested deeper than 100 levels'],
    [['--extra-body', '{"top_k":1,"top_k":2}'], 2, '--extra-body: duplicate key "top_k"'],
    [['--task-arg', `count=${deep}`], 2, '--task-arg count: nested deeper than 100 levels'],
    [['-b', 'gsm8k', '--task-arg', `file=${data}`], 3, `${data}:2: nested deeper than 100 levels`],
  ] as const) {
    const r = evalOn(store, ...(args[0] === '-b' ? args : ['-b', 'arithmetic', ...args]));
    assert.equal(r.status, status, r.stderr);
    assert.equal(r.stderr, `yardstick: ${line}\n`);
  }
  assert.deepEqual(runsIn(store), []);
});

test('a SWE-bench report with a NUL byte, a repeated key or deep nesting is one line with exit 3, and imports nothing', () => {
  const store = join(dir, 'swe.db');
  const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  for (const [name, text, problem] of [
    ['nul.json', '{"total_instances": 500,\n"resolved_ids": ["a\u0000"]}', '2: NUL byte: not a text file'],
    ['dup.json', '{"total_instances": 500,\n"total_instances": 1}', '2: duplicate key "total_instances"'],
    ['deep.json', `{\n"resolved_ids": ${deep}}`, '2: nested deeper than 100 levels'],
  ] as const) {
    const file = join(dir, name);
    writeFileSync(file, text);
    const r = runCli(['--store', store, 'swebench', 'import', '--model', 'm', '--paper', 'p', file]);
    assert.equal(r.status, 3, r.stderr);
    assert.equal(r.stderr, `yardstick: ${file}:${problem}\n`);
  }
  const results = runCli(['--store', store, 'results', '--json']);
  assert.deepEqual(JSON.parse(results.stdout || '[]'), []);
});

test('a base URL that does not parse, a setting out of range, a prototype key or a bad price file is one line, before any run', () => {
  const store = join(dir, 'flags.db');
  const prices = join(dir, 'prices.yaml');
  writeFileSync(prices, `qwen: ${'['.repeat(1000)}\n`);
  for (const [args, status, line] of [
    [
      ['-m', 'openai:m@http://', '-b', 'arithmetic'],
      2,
      '--model "openai:m@http://": the base URL "http://" is not a valid URL (see yardstick eval --help)',
    ],
    [
      ['-m', 'openai:m@http://me:pw-CANARY-x1@[::1/v1', '-b', 'arithmetic'],
      2,
      '--model "openai:m@http://***@[::1/v1": the base URL "http://***@[::1/v1" is not a valid URL (see yardstick eval --help)',
    ],
    [['-b', 'arithmetic', '--temperature', '5'], 2, '--temperature 5: Too big: expected number to be <=2'],
    [['-b', 'arithmetic', '--top-p', '0'], 2, '--top-p 0: Too small: expected number to be >0'],
    [
      ['-b', 'arithmetic', '--task-arg', '__proto__={"count":1}'],
      2,
      'task arithmetic: unknown argument "__proto__" (known: count, seed)',
    ],
    [['-b', 'arithmetic', '--prices', prices], 3, `${prices}:1: invalid YAML: nested deeper than 100 levels`],
  ] as const) {
    const r = args[0] === '-m' ? runCli(['--store', store, 'eval', ...args]) : evalOn(store, ...args);
    assert.equal(r.status, status, r.stderr);
    assert.equal(r.stderr, `yardstick: ${line}\n`);
  }
  assert.deepEqual(runsIn(store), [], 'no run was recorded');
});

test('chart options that cannot be drawn are one line: a scale out of range, a PNG too large, an unknown colour or shape', () => {
  const store = join(dir, 'chart.db');
  assert.equal(runCli(['--store', store, 'catalog', 'load']).status, 0);
  const chart = (...args: string[]) =>
    runCli(['--store', store, 'chart', 'size-scatter', '-b', 'livecodebench-v5', ...args]);
  const png = join(dir, 'chart.png');
  for (const scale of ['0', '-1', '1e6']) {
    const r = chart('--scale', scale, '-o', png);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /argument '.*' is invalid\. expected a scale above 0 and at most 16/);
  }
  const wide = chart('--title', 'x'.repeat(100_000), '-o', png);
  assert.equal(wide.status, 3, wide.stderr);
  assert.match(
    wide.stderr,
    /^yardstick: a PNG of \d+x\d+ pixels is too large \(at most 400 million pixels\): lower the scale/,
  );
  assert.equal(wide.stderr.split('\n').length, 2, 'one line');
  assert.equal(existsSync(png), false, 'no file was written');
  const colour = chart('--color', 'Closed=notacolour', '-o', join(dir, 'c.svg'));
  assert.equal(colour.status, 3, colour.stderr);
  assert.match(colour.stderr, /^yardstick: figure "chart": option colors\.Closed: must be a colour/);
  const shape = chart('--shape', 'Closed=bogus', '-o', join(dir, 's.svg'));
  assert.equal(shape.status, 3, shape.stderr);
  assert.match(
    shape.stderr,
    /^yardstick: figure "chart": option shapes\.Closed: must be a shape name \(circle/,
  );
});

test('a JSON cell of a CSV import follows the JSON file rules: deep nesting and repeated keys are refused at their line', () => {
  const store = join(dir, 'csv-json.db');
  assert.equal(runCli(['--store', store, 'catalog', 'load']).status, 0);
  const header = 'kind,id,chart,title,benchmarks,options\n';
  const cell = (json: string) => `"${json.replaceAll('"', '""')}"`;
  for (const [name, json, problem] of [
    ['deep', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`, 'nested deeper than 100 levels'],
    ['dup', '{"title":"a","title":"b"}', 'duplicate key "title"'],
  ] as const) {
    const file = join(dir, `figure-${name}.csv`);
    writeFileSync(file, `${header}figure,f-${name},size-scatter,T,livecodebench-v5,${cell(json)}\n`);
    const r = runCli(['--store', store, 'import', file]);
    assert.equal(r.status, 3, r.stderr);
    assert.equal(
      `${r.stdout}${r.stderr}`,
      `${file}:2: options: ${problem}\n1 of 1 files rejected; nothing from them was written\n`,
    );
  }
  const figures = runCli(['--store', store, 'catalog', 'list', '--json']);
  assert.doesNotMatch(figures.stdout, /f-deep|f-dup/);
});
