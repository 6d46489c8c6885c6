import type { ChatMessage } from '../../core/schema/index.ts';
import type { Item } from '../../core/task/task.ts';
import { boxedCot } from '../common/zero-shot-prompts.ts';

/** The 4 exemplars of Minerva (Lewkowycz et al., 2022, Appendix D.2), as used by lm-evaluation-harness. */
const MINERVA: [string, string][] = [
  [
    'Find the domain of the expression  $\\frac{\\sqrt{x-2}}{\\sqrt{5-x}}$.}',
    'The expressions inside each square root must be non-negative. Therefore, $x-2 \\ge 0$, so $x\\ge2$, and $5 - x \\ge 0$, so $x \\le 5$. Also, the denominator cannot be equal to zero, so $5-x>0$, which gives $x<5$. Therefore, the domain of the expression is $\\boxed{[2,5)}$.\nFinal Answer: The final answer is $[2,5)$. I hope it is correct.',
  ],
  [
    'If $\\det \\mathbf{A} = 2$ and $\\det \\mathbf{B} = 12,$ then find $\\det (\\mathbf{A} \\mathbf{B}).$',
    'We have that $\\det (\\mathbf{A} \\mathbf{B}) = (\\det \\mathbf{A})(\\det \\mathbf{B}) = (2)(12) = \\boxed{24}.$\nFinal Answer: The final answer is $24$. I hope it is correct.',
  ],
  [
    'Terrell usually lifts two 20-pound weights 12 times. If he uses two 15-pound weights instead, how many times must Terrell lift them in order to lift the same total weight?',
    'If Terrell lifts two 20-pound weights 12 times, he lifts a total of $2\\cdot 12\\cdot20=480$ pounds of weight.  If he lifts two 15-pound weights instead for $n$ times, he will lift a total of $2\\cdot15\\cdot n=30n$ pounds of weight.  Equating this to 480 pounds, we can solve for $n$:\n\\begin{align*}\n30n&=480\\\\\n\\Rightarrow\\qquad n&=480/30=\\boxed{16}\n\\end{align*}\nFinal Answer: The final answer is $16$. I hope it is correct.',
  ],
  [
    'If the system of equations\n\n\\begin{align*}\n6x-4y&=a,\\\\\n6y-9x &=b.\n\\end{align*}has a solution $(x, y)$ where $x$ and $y$ are both nonzero,\nfind $\\frac{a}{b},$ assuming $b$ is nonzero.',
    'If we multiply the first equation by $-\\frac{3}{2}$, we obtain\n\n$$6y-9x=-\\frac{3}{2}a.$$Since we also know that $6y-9x=b$, we have\n\n$$-\\frac{3}{2}a=b\\Rightarrow\\frac{a}{b}=\\boxed{-\\frac{2}{3}}.$$\nFinal Answer: The final answer is $-\\frac{2}{3}$. I hope it is correct.',
  ],
];

/** Prompt variants shared by MATH and MATH-500. */
export const mathPrompts: Record<string, (item: Item) => ChatMessage[]> = {
  /** Zero-shot chain of thought with a boxed answer (Qwen2.5-Math, DeepSeek-R1 reports). */
  'zero-shot-cot': (item) => boxedCot(item.input),
  /** Minerva's 4-shot prompt: "Problem:\n…\n\nSolution:" with "Final Answer: The final answer is …". */
  'minerva-4-shot': (item) => [
    {
      role: 'user',
      content: `${MINERVA.map(([p, s]) => `Problem:\n${p}\n\nSolution:\n${s}`).join('\n\n')}\n\nProblem:\n${item.input}\n\nSolution:`,
    },
  ],
};
