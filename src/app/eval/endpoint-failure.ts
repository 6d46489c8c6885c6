import { ProviderError } from '../../adapters/providers/provider-error.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import type { RunSpec } from '../../core/schema/index.ts';

/** The endpoint cannot serve a run (refused, unreachable, TLS, credentials, unknown model). */
export class EndpointError extends UserError {
  constructor(message: string) {
    super(message, EXIT.endpoint);
    this.name = 'EndpointError';
  }
}

const TLS = /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO|HOSTNAME_MISMATCH/;

/**
 * Why no request to this endpoint can succeed, when the error says so; null for an error that may be
 * this request's alone (a timeout, a 5xx, a 400 for one prompt).
 */
export function endpointCause(err: unknown, spec: RunSpec): string | null {
  if (!(err instanceof ProviderError)) return null;
  if (err.kind === 'auth') {
    const keyEnv = spec.provider.args.apiKeyEnv;
    return `the server refused the credentials (${err.message})${typeof keyEnv === 'string' ? `: check $${keyEnv}` : ''}`;
  }
  if (err.kind === 'client' && err.status === 404)
    return `model "${String(spec.provider.args.model ?? spec.model)}" or its API path not found (${err.message})`;
  if (err.kind !== 'network') return null;
  const code = /: ([A-Z_]+)$/.exec(err.message)?.[1] ?? '';
  if (code === 'ECONNREFUSED') return 'connection refused (ECONNREFUSED)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host name not found (${code})`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `host unreachable (${code})`;
  if (TLS.test(code) || TLS.test(err.message)) return `TLS error (${code || err.message})`;
  return null;
}

/** The one line printed when the endpoint cannot serve the run. */
export function endpointMessage(spec: RunSpec, cause: string): string {
  return `cannot evaluate at ${spec.endpoint ?? spec.provider.name} (${spec.model}): ${cause}; run ${spec.id} recorded as failed, continue with yardstick eval --resume ${spec.id}`;
}
