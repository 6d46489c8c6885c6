import type { ChatMessage } from '../../core/schema/index.ts';

// LiveCodeBench's standard prompt for chat models (lcb_runner/prompts/code_generation.py).
export const LCB_SYSTEM =
  'You are an expert Python programmer. You will be given a question (problem specification) and will generate a correct Python program that matches the specification and passes all tests. You will NOT return anything except for the program.';
const WITH_STARTER =
  'You will use the following starter code to write the solution to the problem and enclose your code within delimiters.';
const WITHOUT_STARTER =
  'Read the inputs from stdin solve the problem and write the answer to stdout (do not directly test on the sample inputs). Enclose your code within delimiters as follows.';

/** The "### Question / ### Format / ### Answer" user message. */
export function lcbUserPrompt(question: string, starterCode: string): string {
  let p = `### Question:\n${question}\n\n`;
  if (starterCode) p += `### Format: ${WITH_STARTER}\n\`\`\`python\n${starterCode}\n\`\`\`\n\n`;
  else p += `### Format: ${WITHOUT_STARTER}\n\`\`\`python\n# YOUR CODE HERE\n\`\`\`\n\n`;
  p += '### Answer: (use the provided format with backticks)\n\n';
  return p;
}

export function lcbMessages(question: string, starterCode: string): ChatMessage[] {
  return [
    { role: 'system', content: LCB_SYSTEM },
    { role: 'user', content: lcbUserPrompt(question, starterCode) },
  ];
}
