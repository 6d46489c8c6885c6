import { readFileSync } from 'node:fs';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { formatProblem, InputError } from '../../core/import/source-record.ts';
import { decodeText } from './decode-text.ts';

/** A reader's InputError as the one line the CLI prints, `file:line: problem` (exit 3); other errors as they are. */
export function firstProblem(err: unknown): unknown {
  return err instanceof InputError ? new UserError(formatProblem(err.problems[0]!), EXIT.invalidInput) : err;
}

/**
 * An input's bytes as text, through the same checks as `import` (well-formed UTF-8, no NUL byte):
 * a bad file is one UserError line, `file:line: problem`, with exit code 3.
 */
export function inputText(file: string, bytes: Uint8Array): string {
  try {
    return decodeText(file, bytes);
  } catch (err) {
    throw firstProblem(err);
  }
}

export interface ReadInputOptions {
  /** What the file is, in the message for a missing file (default "file"). */
  noun?: string;
  /** The exit code of a missing or unreadable file (default 3, invalid input). */
  exitCode?: number;
}

/** Reads a text input file (a dataset, a task or suite file, a report) with `inputText`'s checks. */
export function readInputText(file: string, opts: ReadInputOptions = {}): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? `${file}: ${opts.noun ?? 'file'} not found`
        : `${file}: cannot read (${code ?? (err as Error).message})`,
      opts.exitCode ?? EXIT.invalidInput,
    );
  }
  return inputText(file, bytes);
}
