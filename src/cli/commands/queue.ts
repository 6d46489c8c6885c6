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
  const runCommands = [
    ['retry', "queue a run's failed jobs again"],
    ['cancel', "cancel a run's jobs and record the run interrupted"],
  ] as const;
  for (const [name, description] of runCommands)
    queue
      .command(name)
      .description(description)
      .argument('<run>', 'run id')
      .action(async (run: string, _flags: object, cmd: Command) => {
        const actions = await import('../queue/queue-action.ts');
        await (name === 'retry' ? actions.queueRetryCommand : actions.queueCancelCommand)(run, cmd);
      });
}
