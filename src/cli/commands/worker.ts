import { type Command, InvalidArgumentError } from 'commander';
import { nonNegativeInt, positiveInt } from '../parse-options.ts';

export interface WorkerFlags {
  roles: string[];
  concurrency: number;
  scoreSlots?: number;
  execSlots?: number;
  grace: number;
  dataDir?: string;
  pool: number;
  sharedLimits?: boolean;
}

const ROLES = ['gen', 'score', 'exec'];

function roles(value: string): string[] {
  const out = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = out.find((r) => !ROLES.includes(r));
  if (bad || out.length === 0)
    throw new InvalidArgumentError(`expected roles among ${ROLES.join(',')}, got "${value}"`);
  return [...new Set(out)];
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run queued jobs (eval --queue) until stopped; needs a PostgreSQL store')
    .option(
      '--roles <list>',
      'kinds of job to take: gen (requests), score, exec (code sandbox)',
      roles,
      ROLES,
    )
    .option('--concurrency <n>', 'requests in flight in this worker (default 32)', positiveInt, 32)
    .option('--score-slots <n>', 'scoring jobs at once (default: CPU cores)', positiveInt)
    .option('--exec-slots <n>', 'code-execution jobs at once (default: CPU cores / 2)', positiveInt)
    .option(
      '--grace <s>',
      'on SIGTERM, seconds to finish the jobs in hand before giving them back',
      nonNegativeInt,
      30,
    )
    .option('--pool <n>', 'PostgreSQL connections this worker holds (default 5)', positiveInt, 5)
    .option(
      '--no-shared-limits',
      'ignore the per-endpoint limits stored in PostgreSQL (concurrency, rpm, tpm, 429 pauses) that all workers keep together',
    )
    .option('--data-dir <dir>', 'local mirror of benchmark datasets (env: YARDSTICK_DATA_DIR)')
    .addHelpText(
      'after',
      `
Each worker takes jobs from the queue in the store's PostgreSQL database: generation jobs send the
requests of a few samples and put the responses in the response cache; scoring jobs (exec for code
benchmarks) score them and record the samples. Start as many as you like, on any number of machines;
each needs the store URL, the API-key variables the runs name, and the datasets (--data-dir).
SIGTERM or Ctrl-C: no new jobs, the jobs in hand finish (or go back to the queue after --grace).
A worker killed outright loses its jobs' leases: they are redone by the others within ~20 s.

Examples:
  $ yardstick worker --store postgres://yardstick@db/yardstick
  $ yardstick worker --store postgres://yardstick@db/yardstick --roles gen --concurrency 64`,
    )
    .action(async (flags: WorkerFlags, cmd: Command) => {
      const { runWorkerCommand } = await import('../queue/worker-action.ts');
      await runWorkerCommand(flags, cmd);
    });
}
