// Runs every test file under test/ with Node's test runner and ends with one line: "N passed, N failed".
// Extra arguments are passed to `node --test` (e.g. a file or --test-name-pattern).
import { spawn } from 'node:child_process';
import { globSync } from 'node:fs';

const args = process.argv.slice(2);
const files = args.some((a) => !a.startsWith('-')) ? [] : globSync('test/**/*.test.ts').sort();
const child = spawn(
  process.execPath,
  ['--test', '--test-reporter=spec', '--test-concurrency=2', '--test-timeout=600000', ...args, ...files],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
// The runner's summary lines ("ℹ pass 12") may be followed by a long list of failures, so every
// line is scanned and the last value of each counter kept.
const counts = new Map<string, number>();
let partial = '';
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  const lines = (partial + chunk.toString()).split('\n');
  partial = lines.pop() ?? '';
  for (const line of lines) {
    const m = /^ℹ (\w+) (\d+)$/.exec(line.trim());
    if (m) counts.set(m[1]!, Number(m[2]));
  }
});
child.on('close', (code) => {
  const count = (name: string) => counts.get(name) ?? 0;
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  const skipped = count('skipped') + count('todo');
  process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  process.exitCode = code === 0 && failed === 0 && passed > 0 ? 0 : 1;
});
