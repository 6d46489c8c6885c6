import type { ExecJobInput, ExecResult } from '../../core/sandbox/exec-job.ts';

/**
 * Runs untrusted programs and reports a verdict per test. Implementations: the bubblewrap pool and
 * the unsafe-local pool (same supervisor, no sandbox). Both pass test/adapters/sandbox/executor-conformance.ts.
 */
export interface CodeExecutor {
  readonly kind: 'bwrap' | 'unsafe-local';
  readonly workers: number;
  /** Never rejects for a program's behaviour; an infrastructure failure yields sandbox-error verdicts. */
  run(job: ExecJobInput): Promise<ExecResult>;
  close(): Promise<void>;
}
