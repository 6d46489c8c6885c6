import type { Command } from 'commander';
import { CommanderError } from 'commander';
import { EXIT, UserError } from '../core/errors/user-error.ts';

/**
 * Parses argv and runs the command; turns errors into one line and an exit code.
 * The program must be built with `.exitOverride()` before its commands, so they inherit it.
 */
export async function runCli(program: Command, argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (err instanceof UserError) {
      process.stderr.write(`yardstick: ${err.message}\n`);
      if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`yardstick: ${message}\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    else process.stderr.write('(run again with --debug for the stack trace)\n');
    process.exitCode = EXIT.failure;
  }
}
