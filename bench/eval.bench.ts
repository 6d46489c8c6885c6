// Evaluation engine throughput, latency hiding and memory, against a local OpenAI-compatible server
// (a separate process, configurable latency), with promptfoo 0.121 run beside it on the same workload.
//
//   node bench/eval.bench.ts            all scenarios
//   node bench/eval.bench.ts --quick    skip the 100,000-sample run
//
// Workload: the 1,319 GSM8K test questions (../shared/datasets/gsm8k/test.jsonl), one request each,
// scored. promptfoo is installed on demand into bench/.cache/promptfoo (git-ignored, outside the
// lockfile); if that fails, only Yardstick's figures are printed.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GSM8K = join(ROOT, '../shared/datasets/gsm8k/test.jsonl');
const SERVER = join(ROOT, 'test/adapters/providers/fake-model-server.ts');
const PROMPTFOO_DIR = join(ROOT, 'bench/.cache/promptfoo');
const PROMPTFOO = join(PROMPTFOO_DIR, 'node_modules/.bin/promptfoo');
const SYSTEM = 'Solve the problem. Think step by step, then end with "The answer is N."';
const quick = process.argv.includes('--quick');

if (!existsSync(GSM8K)) {
  process.stdout.write(`skipped: ${GSM8K} is absent (the bench needs ../shared)\n`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'ys-eval-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// The workload, written to a temporary folder (never into the project): question + numeric target.
const rows = readFileSync(GSM8K, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => {
    const r = JSON.parse(l) as { question: string; answer: string };
    return {
      id: `gsm8k-${String(i).padStart(4, '0')}`,
      question: r.question,
      target: r.answer.split('####').pop()!.trim().replace(/,/g, ''),
    };
  });
const N = rows.length;
writeFileSync(join(work, 'gsm8k.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
writeFileSync(
  join(work, 'gsm8k-task.yaml'),
  `name: gsm8k-bench\nbenchmark: gsm8k-bench\ndataset:\n  path: gsm8k.jsonl\n  input: question\n  target: target\n  id: id\nprompt:\n  system: '${SYSTEM}'\nscorer: number\n`,
);

async function startServer(latencyMs: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [SERVER, '0', String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) =>
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
  return { url, child };
}

interface Measured {
  wallS: number;
  rssMb: number;
  stdout: string;
}

/** Runs a command under /usr/bin/time to get its peak RSS. */
function measure(cmd: string, args: string[], env: Record<string, string> = {}, okCodes = [0]): Measured {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'MAXRSS_KB=%M', cmd, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 256 * 1024 * 1024,
    cwd: work,
  });
  const wallS = (performance.now() - t0) / 1000;
  if (!okCodes.includes(r.status ?? -1))
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  const kb = Number(/MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0);
  return { wallS, rssMb: kb / 1024, stdout: r.stdout };
}

function yardstick(
  url: string,
  concurrency: number,
  extra: string[] = [],
  benchmark = join(work, 'gsm8k-task.yaml'),
) {
  const store = join(work, `ys-${Math.random().toString(36).slice(2)}.db`);
  const m = measure(process.execPath, [
    join(ROOT, 'bin/yardstick.js'),
    '--store',
    store,
    'eval',
    '-m',
    `openai:bench@${url}`,
    '-b',
    benchmark,
    '--concurrency',
    String(concurrency),
    '--no-cache',
    ...extra,
  ]);
  // The closing results table: find columns by their headers, so added columns do not shift them.
  const lines = m.stdout.split('\n');
  const header = (lines.find((l) => /^run\s/.test(l)) ?? '').trim().split(/\s{2,}/);
  const cells = (lines.find((l) => l.includes('finished')) ?? '').trim().split(/\s{2,}/);
  const cell = (name: string) => cells[header.indexOf(name)] ?? '';
  return {
    ...m,
    engineS: Number(cell('seconds')),
    samples: Number(cell('samples')),
    accuracy: cell('score %'),
  };
}

function ensurePromptfoo(): boolean {
  if (existsSync(PROMPTFOO)) return true;
  process.stdout.write('installing promptfoo@0.121 into bench/.cache/promptfoo ...\n');
  const r = spawnSync('npm', ['install', '--no-save', '--prefix', PROMPTFOO_DIR, 'promptfoo@0.121'], {
    stdio: 'ignore',
  });
  return r.status === 0 && existsSync(PROMPTFOO);
}

function promptfoo(url: string, concurrency: number) {
  const dir = mkdtempSync(join(work, 'pf-'));
  const tests = rows.map((r) => ({ vars: { question: r.question, target: r.target } }));
  writeFileSync(join(dir, 'tests.json'), JSON.stringify(tests));
  const prompt = JSON.stringify([
    { role: 'system', content: SYSTEM },
    { role: 'user', content: '{{question}}' },
  ]);
  writeFileSync(
    join(dir, 'promptfooconfig.yaml'),
    `description: gsm8k bench
prompts:
  - id: gsm8k
    raw: ${JSON.stringify(prompt)}
providers:
  - id: openai:chat:bench
    config:
      apiBaseUrl: ${url}
      apiKey: not-used
      temperature: 0
tests: file://tests.json
defaultTest:
  assert:
    - type: javascript
      value: "const m = String(output).match(/-?\\\\d[\\\\d,]*(\\\\.\\\\d+)?/g); return !!m && Number(m[m.length - 1].replace(/,/g, '')) === Number(context.vars.target);"
`,
  );
  return measure(
    PROMPTFOO,
    [
      'eval',
      '-c',
      join(dir, 'promptfooconfig.yaml'),
      '--no-cache',
      '-j',
      String(concurrency),
      '--no-progress-bar',
      '--no-table',
    ],
    {
      PROMPTFOO_CONFIG_DIR: join(dir, 'home'),
      PROMPTFOO_DISABLE_TELEMETRY: '1',
      PROMPTFOO_DISABLE_UPDATE: '1',
      PROMPTFOO_DISABLE_SHARING: '1',
    },
    [0, 100], // 100: some assertions failed (the scripted answers are not all right)
  );
}

/**
 * The floor this machine and server allow: a bare Node script that sends the same requests over 64
 * keep-alive connections and does nothing else (no scoring, no store). Its process time is what any
 * Node client must at least spend; Yardstick's excess over it is the engine's and the CLI's own cost.
 */
function bareClient(url: string, concurrency: number): Measured {
  const script = join(work, 'bare-client.mjs');
  writeFileSync(
    script,
    `import http from 'node:http';
import { readFileSync } from 'node:fs';
const rows = readFileSync('gsm8k.jsonl', 'utf8').split('\\n').filter(Boolean).map((l) => JSON.parse(l));
const url = new URL(process.argv[2] + '/chat/completions');
const agent = new http.Agent({ keepAlive: true, maxSockets: ${concurrency} });
const post = (body) => new Promise((resolve, reject) => {
  const payload = Buffer.from(JSON.stringify(body));
  const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
  });
  req.on('error', reject);
  req.end(payload);
});
let next = 0;
const worker = async () => {
  while (next < rows.length) {
    const r = rows[next++];
    await post({ model: 'bench', messages: [{ role: 'system', content: 'Solve.' }, { role: 'user', content: r.question }], temperature: 0, seed: next });
  }
};
await Promise.all(Array.from({ length: ${concurrency} }, worker));
agent.destroy();
`,
  );
  return measure(process.execPath, [script, url]);
}

/** Builds the CLI bundle when it is missing or stale, so the bench measures what bin/yardstick.js runs. */
function ensureBundle(): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.ts')], { encoding: 'utf8' });
  return r.status === 0 ? 'bundled CLI (dist/cli)' : 'CLI from source (the bundle could not be built)';
}

const out = (s: string) => process.stdout.write(`${s}\n`);
const cli = ensureBundle();
const hasPromptfoo = ensurePromptfoo();
if (!hasPromptfoo) out('promptfoo could not be installed here: only Yardstick figures follow');
out(
  `workload: ${N} GSM8K questions, one request each, scored; ${cli}; machine: shared 2 cores (figures are pessimistic)`,
);

{
  const s = await startServer(0);
  try {
    yardstick(s.url, 16); // warm-up (module cache, server JIT)
    const y = yardstick(s.url, 16);
    out(`\nzero latency, concurrency 16`);
    out(
      `  yardstick: ${y.samples} samples, engine ${y.engineS.toFixed(2)} s = ${(N / y.engineS).toFixed(0)} req/s; process ${y.wallS.toFixed(2)} s = ${(N / y.wallS).toFixed(0)} req/s; peak RSS ${y.rssMb.toFixed(0)} MB`,
    );
    if (hasPromptfoo) {
      const p = promptfoo(s.url, 16);
      out(
        `  promptfoo: process ${p.wallS.toFixed(2)} s = ${(N / p.wallS).toFixed(0)} req/s; peak RSS ${p.rssMb.toFixed(0)} MB`,
      );
      out(
        `  ratio (process, req/s): ${(p.wallS / y.wallS).toFixed(1)}x; engine vs promptfoo process: ${(p.wallS / y.engineS).toFixed(1)}x  (target >= 10x)`,
      );
    }
  } finally {
    s.child.kill();
  }
}

{
  const latency = 100;
  const c = 64;
  const ideal = (N * latency) / 1000 / c;
  const s = await startServer(latency);
  try {
    // Three runs each, alternating, and the median: single runs on a shared machine vary by ~50 ms.
    const ys: ReturnType<typeof yardstick>[] = [];
    const bare: Measured[] = [];
    for (let i = 0; i < 3; i++) {
      ys.push(yardstick(s.url, c));
      bare.push(bareClient(s.url, c));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const over = (x: number) => `${((x / ideal - 1) * 100).toFixed(1)}% over ideal`;
    const engine = median(ys.map((y) => y.engineS));
    const wall = median(ys.map((y) => y.wallS));
    const floor = median(bare.map((b) => b.wallS));
    out(
      `\n${latency} ms latency, concurrency ${c}: ideal N x latency / concurrency = ${ideal.toFixed(2)} s (medians of 3)`,
    );
    out(
      `  bare Node client (requests only, no scoring or store): process ${floor.toFixed(2)} s (${over(floor)})`,
    );
    out(
      `  yardstick: engine ${engine.toFixed(2)} s (${over(engine)}); process ${wall.toFixed(2)} s (${over(wall)}, start-up included; ${((wall - floor) * 1000).toFixed(0)} ms over the bare client)`,
    );
    if (hasPromptfoo) {
      const p = promptfoo(s.url, c);
      out(
        `  promptfoo: process ${p.wallS.toFixed(2)} s (${((p.wallS / ideal - 1) * 100).toFixed(1)}% over ideal)`,
      );
    }
  } finally {
    s.child.kill();
  }
}

if (!quick) {
  const s = await startServer(0);
  try {
    // 200 arithmetic items x 500 samples = 100,000 samples, streamed to a SQLite store.
    out(`\n100,000-sample run (arithmetic x 500 samples, concurrency 16; target peak RSS < 300 MB)`);
    const y = yardstick(s.url, 16, ['--samples', '500', '--temperature', '0.7'], 'arithmetic');
    out(
      `  yardstick: ${y.samples} samples in ${y.engineS.toFixed(1)} s (${(y.samples / y.engineS).toFixed(0)} samples/s); peak RSS ${y.rssMb.toFixed(0)} MB`,
    );
  } finally {
    s.child.kill();
  }
}
