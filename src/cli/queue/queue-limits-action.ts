import type { Command } from 'commander';
import type { EndpointLimits } from '../../adapters/queue/endpoint-budget.ts';
import { endpointKey } from '../../adapters/queue/endpoint-key.ts';
import type { StoredEndpointBudget } from '../../adapters/queue/endpoint-limits-table.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { type Column, renderTable } from '../format/table.ts';
import type { LimitValue } from './limit-value.ts';
import { openEndpointBudget, withQueue } from './open-queue.ts';

export interface LimitFlags {
  concurrency?: LimitValue;
  rpm?: LimitValue;
  tpm?: LimitValue;
  json?: boolean;
}

const show = (v: number | null) => (v === null ? '-' : String(v));
const COLUMNS: Column<StoredEndpointBudget>[] = [
  { header: 'endpoint', value: (b) => b.endpoint },
  { header: 'concurrency', value: (b) => show(b.limits.concurrency), align: 'right' },
  { header: 'rpm', value: (b) => show(b.limits.rpm), align: 'right' },
  { header: 'tpm', value: (b) => show(b.limits.tpm), align: 'right' },
  {
    header: 'paused until',
    value: (b) => (b.pausedUntil > Date.now() ? new Date(b.pausedUntil).toISOString() : '-'),
  },
];

/**
 * `yardstick queue limits [ENDPOINT] [--concurrency N] [--rpm N] [--tpm N]`: the per-endpoint limits
 * every worker keeps together; with an endpoint and limits, changes them (the others stay).
 */
export async function queueLimitsCommand(
  endpoint: string | undefined,
  flags: LimitFlags,
  cmd: Command,
): Promise<void> {
  const changes: Partial<EndpointLimits> = {};
  for (const key of ['concurrency', 'rpm', 'tpm'] as const)
    if (flags[key] !== undefined) changes[key] = flags[key] === 'none' ? null : flags[key];
  if (Object.keys(changes).length && !endpoint)
    throw new UserError('yardstick queue limits: name the endpoint whose limits to change', EXIT.usage);
  const budgets = await withQueue(cmd, 'yardstick queue limits', async (_store, _queue, location) => {
    const budget = await openEndpointBudget(location);
    try {
      if (endpoint && Object.keys(changes).length) {
        const old = (await budget.limits(endpoint)) ?? { concurrency: null, rpm: null, tpm: null };
        await budget.setLimits(endpoint, { ...old, ...changes });
      }
      const all = await budget.list();
      const key = endpoint ? endpointKey(endpoint) : null;
      return key === null ? all : all.filter((b) => b.endpoint === key);
    } finally {
      await budget.close();
    }
  });
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(budgets, null, 2)}\n`);
    return;
  }
  if (!budgets.length) {
    process.stdout.write(endpoint ? `no limits stored for ${endpoint}\n` : 'no endpoint limits stored\n');
    return;
  }
  process.stdout.write(`${renderTable(budgets, COLUMNS)}\n`);
}
