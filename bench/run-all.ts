// Runs every bench/*.bench.ts in turn (`npm run bench`). Pass a name to run one: npm run bench -- store
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';

const only = process.argv[2];
const files = globSync('bench/*.bench.ts')
  .sort()
  .filter((f) => !only || f.includes(only));
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n== ${file}\n`);
  const r = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
