import type { z } from 'zod';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { checkJsonText } from '../../core/import/check-json-text.ts';
import { firstProblem } from '../files/input-text.ts';
import { parseJsonText, readCsv } from '../files/read-records.ts';

/** Parses JSONL text, one object per non-empty line; errors name the file and line. */
export function parseJsonl(file: string, text: string): { line: number; value: unknown }[] {
  const out: { line: number; value: unknown }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    const odd = checkJsonText(raw);
    if (odd) throw new UserError(`${file}:${i + 1}: ${odd.problem}`, EXIT.invalidInput);
    try {
      out.push({ line: i + 1, value: JSON.parse(raw) });
    } catch (err) {
      throw new UserError(`${file}:${i + 1}: invalid JSON: ${(err as Error).message}`, EXIT.invalidInput);
    }
  }
  return out;
}

/**
 * Parses one JSON document with the checks JSONL lines get (no repeated key, nesting at most 100
 * levels); errors name the file and line.
 */
export function parseJsonDocument(file: string, text: string): unknown {
  try {
    return parseJsonText(file, text);
  } catch (err) {
    throw firstProblem(err);
  }
}

/** Parses CSV text with a header row, as `import` reads CSV; errors name the file and line. */
export function parseCsvRows(file: string, text: string): { line: number; value: unknown }[] {
  try {
    return readCsv(file, text).map((r) => ({ line: r.line, value: r.fields }));
  } catch (err) {
    throw firstProblem(err);
  }
}

/**
 * Validates each row against the benchmark's schema; the first bad row is reported as
 * `file:line: field: problem` (or `file: row N: field: problem` for rows that are not lines).
 */
export function validateRows<S extends z.ZodType>(
  file: string,
  rows: { line: number; value: unknown }[],
  schema: S,
  unit = 'line',
): z.infer<S>[] {
  return rows.map(({ line, value }) => {
    const r = schema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      const field = issue.path.length ? issue.path.join('.') : '(row)';
      const where = unit === 'line' ? `${file}:${line}:` : `${file}: ${unit} ${line}:`;
      throw new UserError(`${where} ${field}: ${issue.message}`, EXIT.invalidInput);
    }
    return r.data;
  });
}

/** Checks the number of items a benchmark must have. */
export function expectCount(file: string, actual: number, expected: number): void {
  if (actual !== expected)
    throw new UserError(
      `${file}: expected ${expected} items, found ${actual} (wrong or truncated file; pass limit to run a subset)`,
      EXIT.invalidInput,
    );
}
