import type { Command } from 'commander';
import { Option } from 'commander';
import { withStore } from '../with-store.ts';

const FINISH = ['stop', 'length', 'content_filter', 'error', 'unknown'] as const;
const VERDICTS = ['correct', 'incorrect', 'no-answer', 'error'] as const;

interface SamplesFlags {
  finishReason?: (typeof FINISH)[number];
  verdict?: (typeof VERDICTS)[number];
  count?: boolean;
  json?: boolean;
}

export function registerSamples(program: Command): void {
  program
    .command('samples')
    .description("list a run's samples, filtered by finish reason (e.g. truncated) or verdict")
    .argument('<run>', 'run id (yardstick runs)')
    .addOption(
      new Option('--finish-reason <reason>', 'only samples that ended this way (length: truncated)').choices([
        ...FINISH,
      ]),
    )
    .addOption(new Option('--verdict <verdict>', 'only samples with this verdict').choices([...VERDICTS]))
    .option('--count', 'print only the number of matching samples')
    .option('--json', 'print JSON lines, one sample each (response and reasoning included)')
    .addHelpText('after', '\nExamples:\n  $ yardstick samples RUN --finish-reason length --count')
    .action(async (runId: string, flags: SamplesFlags, cmd: Command) => {
      await withStore(cmd, async (store) => {
        const { EXIT, UserError } = await import('../../core/errors/user-error.ts');
        if (!(await store.run(runId)))
          throw new UserError(`no run "${runId}" in ${store.location} (see yardstick runs)`, EXIT.notFound);
        const { renderTable } = await import('../format/table.ts');
        const rows = [];
        let n = 0;
        for await (const s of store.samples(runId)) {
          if (flags.finishReason && (s.finishReason ?? 'unknown') !== flags.finishReason) continue;
          if (flags.verdict && s.verdict !== flags.verdict) continue;
          n++;
          if (flags.count) continue;
          if (flags.json) process.stdout.write(`${JSON.stringify(s)}\n`);
          else rows.push(s);
        }
        if (flags.count) return void process.stdout.write(`${n}\n`);
        if (flags.json) return;
        process.stdout.write(
          `${renderTable(rows, [
            { header: 'item', value: (s) => s.itemId },
            { header: 'k', value: (s) => String(s.sampleIndex), align: 'right' },
            { header: 'verdict', value: (s) => s.verdict },
            { header: 'finish', value: (s) => s.finishReason ?? '-' },
            { header: 'tokens', value: (s) => String(s.completionTokens ?? '-'), align: 'right' },
            { header: 'reasoning tok', value: (s) => String(s.reasoningTokens ?? '-'), align: 'right' },
            { header: 'extracted', value: (s) => (s.extracted ?? '-').slice(0, 40) },
            { header: 'error', value: (s) => (s.error ?? '').slice(0, 60) },
          ])}\n`,
        );
      });
    });
}
