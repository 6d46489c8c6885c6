import type { Command } from 'commander';

export function registerQueue(program: Command): void {
  const queue = program
    .command('queue')
    .description('queued jobs per run and endpoint (eval --queue); retry failed jobs; cancel a run');
  queue
    .command('status', { isDefault: true })
    .description('queued / active / completed / failed jobs per run and endpoint')
    .argument('[runs...]', 'only these runs')
    .option('--json', 'one JSON array: per run and endpoint, jobs by state, in total and by kind')
    .action(async (runs: string[], flags: { json?: boolean }, cmd: Command) => {
      const { queueStatusCommand } = await import('../queue/queue-action.ts');
      await queueStatusCommand(runs, flags, cmd);
    });
  queue
    .command('retry')
    .description("queue a run's failed jobs again")
    .argument('<run>', 'run id')
    .action(async (run: string, _flags: object, cmd: Command) => {
      const { queueRetryCommand } = await import('../queue/queue-action.ts');
      await queueRetryCommand(run, cmd);
    });
  queue
    .command('cancel')
    .description("cancel a run's jobs and record the run interrupted")
    .argument('<run>', 'run id')
    .action(async (run: string, _flags: object, cmd: Command) => {
      const { queueCancelCommand } = await import('../queue/queue-action.ts');
      await queueCancelCommand(run, cmd);
    });
}
