import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The CLI's source entry point. */
export const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process, as a user would, with its own environment. */
export function runCli(args: string[], env: Record<string, string> = {}, input?: string): CliRun {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    input,
    timeout: 120_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface CliChild {
  child: import('node:child_process').ChildProcess;
  /** Resolves when the process exits, with its exit code (null when killed) and output. */
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts the real CLI without waiting for it (a server the test runs in this process keeps serving). */
export function startCli(args: string[], env: Record<string, string> = {}): CliChild {
  const child = spawn(process.execPath, [MAIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d));
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

/** Runs the real CLI as a child process, asynchronously, with its exit code (null when killed). */
export function cliAsync(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return startCli(args, env).done;
}

/** `yardstick --store STORE eval -m MODEL -b arithmetic` and more arguments. */
export function evalArgs(store: string, model: string, ...more: string[]): string[] {
  return ['--store', store, 'eval', '-m', model, '-b', 'arithmetic', ...more];
}

/**
 * The real CLI in a child process, without blocking this one: for tests whose scripted server runs
 * in this process.
 */
export async function runCliAsync(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const r = await startCli(args, env).done;
  return { status: r.code ?? -1, stdout: r.stdout, stderr: r.stderr };
}
