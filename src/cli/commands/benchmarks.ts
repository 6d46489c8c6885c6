import type { Command } from 'commander';
import { renderTable } from '../format/table.ts';
import { withStore } from '../with-store.ts';

export function registerBenchmarks(program: Command): void {
  program
    .command('benchmarks')
    .description('list benchmarks')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const benchmarks = await withStore(cmd, (s) => s.benchmarks());
      if (opts.json) return void process.stdout.write(`${JSON.stringify(benchmarks, null, 2)}\n`);
      process.stdout.write(
        `${renderTable(benchmarks, [
          { header: 'id', value: (b) => b.id },
          { header: 'name', value: (b) => b.name },
          { header: 'version', value: (b) => b.version ?? '' },
          {
            header: 'window',
            value: (b) =>
              b.windowStart || b.windowEnd ? `${b.windowStart ?? ''}..${b.windowEnd ?? ''}` : '',
          },
          { header: 'domain', value: (b) => b.domain },
          { header: 'metric', value: (b) => b.metric },
          {
            header: 'items',
            value: (b) => (b.itemCount === null ? '' : String(b.itemCount)),
            align: 'right',
          },
        ])}\n${benchmarks.length} benchmarks\n`,
      );
    });
}
