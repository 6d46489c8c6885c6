// Runs every test file under test/ with Node's test runner, names why each skipped test or suite was
// skipped, and ends with one line: "N passed, N failed, N skipped".
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
/** Skip reason -> the tests and suites skipped for it, as the spec reporter prints them ("﹣ name (1ms) # reason"). */
const skips = new Map<string, string[]>();
let partial = '';
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  const lines = (partial + chunk.toString()).split('\n');
  partial = lines.pop() ?? '';
  for (const line of lines) {
    const m = /^ℹ (\w+) (\d+)$/.exec(line.trim());
    if (m) counts.set(m[1]!, Number(m[2]));
    const skip = /^﹣ (.+?) \([\d.]+m?s\) # (.+)$/.exec(line.trim());
    if (skip) skips.set(skip[2]!, [...(skips.get(skip[2]!) ?? []), skip[1]!]);
  }
});
child.on('close', (code) => {
  const count = (name: string) => counts.get(name) ?? 0;
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  const skipped = count('skipped') + count('todo');
  if (skips.size) {
    process.stdout.write('\nSkipped, and why:\n');
    for (const [reason, names] of skips) {
      const shown = names.slice(0, 2).join('; ') + (names.length > 2 ? `; and ${names.length - 2} more` : '');
      process.stdout.write(`  ${reason}\n    (${shown})\n`);
    }
  }
  process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  process.exitCode = code === 0 && failed === 0 && passed > 0 ? 0 : 1;
});
