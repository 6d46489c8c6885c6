/** Why a request failed, as the scheduler needs to know it. */
export type ProviderErrorKind =
  | 'rate-limited'
  | 'timeout'
  | 'server'
  | 'network'
  | 'malformed'
  | 'aborted'
  | 'client'
  | 'auth'
  | 'empty'
  | 'too-large';

const RETRYABLE: ReadonlySet<ProviderErrorKind> = new Set([
  'rate-limited',
  'timeout',
  'server',
  'network',
  'malformed',
  'empty',
  'too-large',
]);

/**
 * A failed request. `retryable` says whether trying again may succeed; a rate limit carries the
 * server's Retry-After in milliseconds when it sent one. Messages never contain API keys.
 */
export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly status: number | null;
  readonly retryAfterMs: number | null;

  constructor(
    kind: ProviderErrorKind,
    message: string,
    options: { status?: number | null; retryAfterMs?: number | null } = {},
  ) {
    super(message);
    this.name = 'ProviderError';
    this.kind = kind;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}
