import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReceivedRequest } from '../adapters/providers/fake-model-server.ts';

export { runCliAsync as cli } from '../helpers/run-cli.ts';

/** Arguments of `eval` for model m1 of a local server on one benchmark read from a local file. */
export function evalArgs(store: string, url: string, bench: string, file: string, limit: number): string[] {
  return [
    '--store',
    store,
    'eval',
    '-m',
    `openai:m1@${url}`,
    '-b',
    bench,
    '--limit',
    String(limit),
    '--task-arg',
    `file=${file}`,
  ];
}

/** Benchmark files of the right size whose question i reads "Item i: ...": GSM8K's gold is i + 3, the others' is A. */
export function writeBenchmarkFiles(dir: string): { gsm8k: string; aqua: string; csqa: string } {
  const lines = (n: number, row: (i: number) => unknown) =>
    `${Array.from({ length: n }, (_, i) => JSON.stringify(row(i))).join('\n')}\n`;
  const files = {
    gsm8k: join(dir, 'gsm8k.jsonl'),
    aqua: join(dir, 'aqua.json'),
    csqa: join(dir, 'csqa.jsonl'),
  };
  writeFileSync(
    files.gsm8k,
    lines(1319, (i) => ({
      question: `Item ${i}: what is ${i} plus 3?`,
      answer: `${i} + 3 = ${i + 3}\n#### ${i + 3}`,
    })),
  );
  writeFileSync(
    files.aqua,
    lines(254, (i) => ({
      question: `Item ${i}: pick the first option.`,
      options: ['A)first', 'B)second', 'C)third', 'D)fourth', 'E)fifth'],
      rationale: 'the first',
      correct: 'A',
    })),
  );
  writeFileSync(
    files.csqa,
    lines(1221, (i) => ({
      answerKey: 'A',
      id: `q${String(i).padStart(4, '0')}`,
      question: {
        stem: `Item ${i}: which comes first?`,
        choices: ['A', 'B', 'C', 'D', 'E'].map((label) => ({ label, text: `option ${label}` })),
      },
    })),
  );
  return files;
}

/** The item number and the user's text of a request. */
export function itemOf(req: ReceivedRequest): { i: number; text: string } {
  const msgs = req.body.messages as { role: string; content: string }[];
  const text = msgs
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n');
  return { i: Number(/Item (\d+):/.exec(text)?.[1] ?? -1), text };
}

/** An answer that is right or wrong for item i, in the form its benchmark's scorer reads. */
export function answer(text: string, i: number, right: boolean): string {
  if (text.includes('multiple choice')) return `Thinking it over.\nAnswer: ${right ? 'A' : 'B'}`;
  return `The answer is ${right ? i + 3 : i + 4}.`;
}
