import type { Command } from 'commander';
import { limitValue } from '../queue/limit-value.ts';
import type { LimitFlags } from '../queue/queue-limits-action.ts';

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
    .command('limits')
    .description('per-endpoint limits all workers keep together; with an endpoint and limits, change them')
    .argument('[endpoint]', 'the endpoint (base URL) to show or change')
    .option('--concurrency <n>', 'requests in flight across all workers ("none": no cap)', limitValue)
    .option('--rpm <n>', 'requests per minute across all workers ("none": no budget)', limitValue)
    .option('--tpm <n>', 'tokens per minute across all workers ("none": no budget)', limitValue)
    .option('--json', 'one JSON array of the stored limits')
    .action(async (endpoint: string | undefined, flags: LimitFlags, cmd: Command) => {
      const { queueLimitsCommand } = await import('../queue/queue-limits-action.ts');
      await queueLimitsCommand(endpoint, flags, cmd);
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
