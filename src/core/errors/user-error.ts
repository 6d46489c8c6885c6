/**
 * An error the user can fix: bad input, a missing file, an unknown id. The CLI prints its message
 * alone (no stack trace) and exits with its code.
 */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.usage) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  invalidInput: 3,
  storeUnavailable: 4,
  notFound: 5,
  /** The model endpoint cannot serve the run: refused, unreachable, credentials, unknown model. */
  endpoint: 6,
  /** The run finished, but more samples ended as errors than --max-error-rate allows. */
  sampleErrors: 7,
} as const;
