// Store contention: an `eval` and an `import` of 600,000 records share one SQLite store at once.
// Target (issue 13): both finish; the eval's writers wait for the import's transaction instead of failing.
// Usage: node bench/store-contention.bench.ts [--records N] [--items N]
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeServer } from '../test/adapters/providers/fake-model-server.ts';
import { MAIN } from '../test/helpers/run-cli.ts';

const { values } = parseArgs({
  options: { records: { type: 'string', default: '600000' }, items: { type: 'string', default: '12000' } },
});
const RECORDS = Number(values.records);
const dir = mkdtempSync(join(tmpdir(), 'ys-contention-'));
const store = join(dir, 'store.db');
const file = join(dir, 'results.jsonl');

const out = createWriteStream(file);
out.write(`${JSON.stringify({ kind: 'model', id: 'big-m', name: 'Big', family: 'B', totalParamsB: 7 })}\n`);
out.write(
  `${JSON.stringify({ kind: 'benchmark', id: 'big-b', name: 'Big', domain: 'math', metric: 'accuracy' })}\n`,
);
for (let i = 0; i < RECORDS; i++) {
  const r = { kind: 'result', model: 'big-m', benchmark: 'big-b', metric: 'accuracy', value: i % 100 };
  if (!out.write(`${JSON.stringify({ ...r, source: 'publication', paper: `Paper ${i}` })}\n`))
    await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}
await new Promise<void>((resolve) => out.end(() => resolve()));

/** Runs a CLI command on the shared store; resolves with its exit code and wall time. */
function cli(args: string[]): Promise<{ code: number | null; seconds: number; tail: string }> {
  const started = performance.now();
  const p = spawn(process.execPath, [MAIN, '--store', store, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  p.stdout.on('data', (d: Buffer) => (text += d));
  p.stderr.on('data', (d: Buffer) => (text += d));
  return new Promise((resolve) =>
    p.on('close', (code) =>
      resolve({
        code,
        seconds: (performance.now() - started) / 1000,
        tail: text.trim().split('\n').at(-1) ?? '',
      }),
    ),
  );
}

const server = await startFakeServer({ latencyMs: 20 }, 0, false);
try {
  const evalRun = cli([
    'eval',
    '-m',
    `openai:contention@${server.url}`,
    '-b',
    'arithmetic',
    '--task-arg',
    `count=${values.items}`,
    '--concurrency',
    '4',
  ]);
  await new Promise((r) => setTimeout(r, 1000));
  const importRun = cli(['import', file]);
  const [e, i] = await Promise.all([evalRun, importRun]);
  console.log(`import of ${RECORDS} records: exit ${i.code} in ${i.seconds.toFixed(1)} s (${i.tail})`);
  console.log(`eval of ${values.items} samples beside it: exit ${e.code} in ${e.seconds.toFixed(1)} s`);
  if (e.code !== 0 || i.code !== 0) process.exitCode = 1;
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
