/** One record as read from an input file, before validation: where it stands and what it says. */
export interface SourceRecord {
  file: string;
  line: number;
  /** 'model' | 'benchmark' | 'result' | 'figure', or null when the file does not say. */
  kind: string | null;
  fields: Record<string, unknown>;
  /** True when every field is a string (CSV): values are coerced by the kind's field types. */
  textual: boolean;
}

/** A problem with input, located as `file:line: field: problem`. */
export interface InputProblem {
  file: string;
  line: number;
  field: string | null;
  problem: string;
}

export function formatProblem(p: InputProblem): string {
  return `${p.file}:${p.line}: ${p.field ? `${p.field}: ` : ''}${p.problem}`;
}

/** Thrown by readers when a file cannot be parsed at all (broken JSON, bad CSV quoting). */
export class InputError extends Error {
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}
