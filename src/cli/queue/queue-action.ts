import type { Command } from 'commander';
import { cancelQueuedRun, queueStatusOf, retryQueuedRun } from '../../app/queue/queue-run-commands.ts';
import type { QueueStatusLine } from '../../core/queue/queue-status.ts';
import { type Column, renderTable } from '../format/table.ts';
import { withQueue } from './open-queue.ts';

const COLUMNS: Column<QueueStatusLine>[] = [
  { header: 'run', value: (l) => l.runId },
  { header: 'endpoint', value: (l) => l.endpoint },
  { header: 'queued', value: (l) => String(l.total.queued), align: 'right' },
  { header: 'active', value: (l) => String(l.total.active), align: 'right' },
  { header: 'completed', value: (l) => String(l.total.completed), align: 'right' },
  { header: 'failed', value: (l) => String(l.total.failed), align: 'right' },
  { header: 'cancelled', value: (l) => String(l.total.cancelled), align: 'right' },
  {
    header: 'gen/score/exec waiting',
    value: (l) => `${l.byKind.gen.queued}/${l.byKind.score.queued}/${l.byKind.exec.queued}`,
    align: 'right',
  },
];

/** `yardstick queue [RUN...]`: jobs by state per run and endpoint. */
export async function queueStatusCommand(
  runs: string[],
  flags: { json?: boolean },
  cmd: Command,
): Promise<void> {
  const lines = await withQueue(cmd, 'yardstick queue', (store, queue) =>
    queueStatusOf(store, queue, runs.length ? runs : undefined),
  );
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(lines, null, 2)}\n`);
    return;
  }
  if (!lines.length) {
    process.stdout.write('no queued jobs\n');
    return;
  }
  process.stdout.write(`${renderTable(lines, COLUMNS)}\n`);
}

export async function queueRetryCommand(run: string, cmd: Command): Promise<void> {
  const n = await withQueue(cmd, 'yardstick queue retry', (store, queue) =>
    retryQueuedRun(store, queue, run),
  );
  process.stdout.write(`${n} failed jobs of run ${run} queued again\n`);
}

export async function queueCancelCommand(run: string, cmd: Command): Promise<void> {
  const n = await withQueue(cmd, 'yardstick queue cancel', (store, queue) =>
    cancelQueuedRun(store, queue, run),
  );
  process.stdout.write(`run ${run} cancelled: ${n} jobs cancelled, run recorded interrupted\n`);
}
