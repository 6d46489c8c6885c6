import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAIN } from '../helpers/run-cli.ts';
import type { ReceivedRequest } from '../adapters/providers/fake-model-server.ts';

/** The real CLI as a child process, asynchronously (the scripted model server runs in the test process). */
export function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
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
