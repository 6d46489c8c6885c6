/** A HumanEval problem as the checker needs it. */
export interface HumanEvalProblem {
  taskId: string;
  prompt: string;
  test: string;
  entryPoint: string;
  canonicalSolution: string;
}

/**
 * The program human-eval executes: prompt + completion + "\n" + test + "\n" + check(entry_point),
 * and the line on which the check call starts (the one test; everything before it is setup).
 */
export function humanEvalProgram(
  p: HumanEvalProblem,
  completion: string,
): { program: string; checkLine: number } {
  const head = `${p.prompt}${completion}\n${p.test}\n`;
  const program = `${head}check(${p.entryPoint})`;
  return { program, checkLine: head.split('\n').length };
}
