import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { withStore } from '../with-store.ts';

interface ServeOptions {
  port: number;
  host: string;
  writeToken?: string;
  bundle?: string;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError(`expected a port from 0 to 65535, got "${value}"`);
  return n;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('open the dashboard: leaderboard, figures, runs with live progress, samples, comparisons')
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', port, 7420)
    .option(
      '--host <address>',
      'address to bind; other machines can reach it only if you widen this',
      '127.0.0.1',
    )
    .option(
      '--write-token <token>',
      'allow writes (saving figures) to requests bearing this token; default $YARDSTICK_WRITE_TOKEN, else read-only',
    )
    .option(
      '--bundle <dir>',
      'write a static copy (pages and data as files) that opens from file://, then exit',
    )
    .addHelpText(
      'after',
      `
The dashboard reads the store in use (--store); it sends nothing beyond this machine.

Examples:
  $ yardstick serve
  $ yardstick serve --port 8080
  $ yardstick serve --bundle out/dashboard`,
    )
    .action(async (opts: ServeOptions, cmd: Command) => {
      if (opts.bundle) {
        const { writeBundle } = await import('../../server/write-bundle.ts');
        const dir = opts.bundle;
        const summary = await withStore(cmd, (store) => writeBundle(store, dir));
        process.stdout.write(`wrote ${summary.files} files to ${summary.index}\n`);
        return;
      }
      const { startServer } = await import('../../server/start-server.ts');
      await withStore(cmd, async (store) => {
        const server = await startServer({
          store,
          host: opts.host,
          port: opts.port,
          writeToken: opts.writeToken ?? process.env.YARDSTICK_WRITE_TOKEN ?? null,
        });
        process.stdout.write(`dashboard at ${server.url} (store ${store.location}); Ctrl-C stops it\n`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await server.close();
      });
    });
}
