import { codeTaskRuntime } from '../common/code-task-runtime.ts';
import { CodeTaskOptions } from '../../core/code/code-task-options.ts';
import { defineTask } from '../../core/task/task-definition.ts';
import { z } from 'zod';
import { LCB_RELEASES } from './release-presets.ts';
import { scoreFromExec } from '../../core/code/exec-score.ts';
import { extractCode } from '../../core/code/extract-code.ts';
import { passAt1 } from '../../core/metrics/accuracy.ts';
import type { ExecJobInput } from '../../core/sandbox/exec-job.ts';
import type { Completion, Item, Task } from '../../core/task/task.ts';
import { lcbMessages } from './lcb-prompt.ts';
import { LcbFilter, lcbWindow, loadLiveCodeBench } from './load-livecodebench.ts';

/** LiveCodeBench's per-test timeout (lcb_runner's default). */
export const LCB_TIMEOUT_MS = 6000;

/** The job for one program: call-based (LeetCode, with a function name) or stdin/stdout. */
export function lcbJob(
  item: Item,
  code: string,
  timeoutMs: number,
  o: Pick<CodeTaskOptions, 'graceMs' | 'memoryBytes'>,
): ExecJobInput {
  const fnName = item.metadata.fnName as string | null;
  const tests = (item.metadata.tests as { input: string; output: string }[]).map((t) => ({
    ...t,
    timeoutMs,
  }));
  return {
    mode: fnName ? 'lcb-call' : 'lcb-stdio',
    program: code,
    ...(fnName ? { fnName } : {}),
    tests,
    graceMs: o.graceMs,
    limits: { memoryBytes: o.memoryBytes },
  };
}

/** The arguments livecodebench declares: the code-task options and which problems to take. */
export const LcbArgs = CodeTaskOptions.extend({
  fixedTimeoutMs: CodeTaskOptions.shape.fixedTimeoutMs
    .unwrap()
    .default(LCB_TIMEOUT_MS)
    .describe('time limit per test, ms (lcb_runner: 6 s)'),
  release: z
    .enum(Object.keys(LCB_RELEASES) as [string, ...string[]])
    .optional()
    .describe('a release window (v5: the one the catalog compares on)'),
  since: LcbFilter.shape.since.describe('first contest date, YYYY-MM-DD'),
  until: LcbFilter.shape.until.describe('contest dates before this one, YYYY-MM-DD'),
  platforms: LcbFilter.shape.platforms,
  difficulties: LcbFilter.shape.difficulties,
});

/**
 * LiveCodeBench code generation in its native schema, scored like lcb_runner: the first fenced block
 * of the answer (after any reasoning), every public and private test, stopping at the first failure.
 */
export function livecodebenchTask(args: Record<string, unknown> = {}): Task {
  const { options: o, executor } = codeTaskRuntime('livecodebench', args, LcbArgs);
  const { release, since, until, platforms, difficulties } = o as z.infer<typeof LcbArgs>;
  const filter = LcbFilter.parse({ release, since, until, platforms, difficulties });
  const w = lcbWindow(filter);
  return {
    name: 'livecodebench',
    benchmark: filter.release === 'v5' ? 'livecodebench-v5' : 'livecodebench',
    version: filter.release ?? (w.since || w.until ? `${w.since ?? ''}..${w.until ?? ''}` : null),
    promptId: 'lcb-generic-chat',
    dataset: (ctx) => loadLiveCodeBench(ctx, filter),
    prompt: (item) => lcbMessages(item.input, String(item.metadata.starterCode ?? '')),
    scorer: async (c: Completion, item: Item) => {
      const code = extractCode(c.text, { pick: 'first', fallbackToText: false });
      if (code === null) return { extracted: null, verdict: 'no-answer', value: 0 };
      const ex = await executor();
      return scoreFromExec(code, await ex.run(lcbJob(item, code, o.fixedTimeoutMs, o)));
    },
    scorerVersion: 'lcb-exec-1',
    runsCode: true,
    metrics: [passAt1],
  };
}

export const livecodebenchDefinition = defineTask({
  name: 'livecodebench',
  args: LcbArgs,
  items: 'the problems of the chosen window (release, since, until)',
  build: livecodebenchTask,
});
