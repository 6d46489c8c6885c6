import { Command } from 'commander';
import { commands } from './commands/index.ts';
import { redactOutput } from './redact-output.ts';
import { runCli } from './run-cli.ts';
import { toolVersion } from './tool-version.ts';

redactOutput(process.argv);

const program = new Command('yardstick')
  .description('Evaluate language models on published benchmarks and compare them with published results.')
  .version(toolVersion(), '-V, --version', 'print the version')
  .option('--store <location>', 'SQLite file or postgres:// URL (env: YARDSTICK_STORE)')
  .option('--debug', 'show stack traces on errors')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .addHelpText(
    'after',
    `
Examples:
  $ yardstick catalog load
  $ yardstick results --benchmark livecodebench-v5 --sort score
  $ yardstick import paper-table.csv
  $ yardstick report -o out/report
`,
  );

// `yardstick results | head` closes the pipe early: stop quietly, as other command-line tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

for (const register of commands) register(program);
await runCli(program, process.argv);
