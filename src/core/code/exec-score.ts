import { allPassed, type ExecResult, isInfrastructureFailure } from '../sandbox/exec-job.ts';
import type { Score } from '../task/task.ts';

/**
 * A sample's score from its per-test verdicts: correct when every test passed, incorrect otherwise,
 * and `error` (excluded from scores) when the sandbox itself failed.
 */
export function scoreFromExec(extracted: string | null, r: ExecResult): Score {
  const tests = r.tests.map((t) => ({
    verdict: t.verdict,
    exceptionType: t.exceptionType,
    message: t.message,
    ms: t.ms,
    ...(t.output !== null ? { output: t.output } : {}),
  }));
  const details = {
    tests,
    passed: r.tests.filter((t) => t.verdict === 'pass').length,
    total: r.tests.length,
  };
  if (isInfrastructureFailure(r)) return { extracted, verdict: 'error', value: null, details };
  const ok = allPassed(r);
  return { extracted, verdict: ok ? 'correct' : 'incorrect', value: ok ? 1 : 0, details };
}
