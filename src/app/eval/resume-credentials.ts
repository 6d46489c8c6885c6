import { stripCredentials } from '../../adapters/providers/url-credentials.ts';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import type { RunSpec } from '../../core/schema/index.ts';
import type { EvalRequest } from './plan-eval.ts';

const trimmed = (url: string) => url.replace(/\/+$/, '');

/** The endpoint as the user must give it again, with placeholders for the credentials. */
function withPlaceholders(endpoint: string): string {
  const url = new URL(endpoint);
  url.username = 'USER';
  url.password = 'PASSWORD';
  return endpoint.endsWith('/') ? url.href : url.href.replace(/\/$/, '');
}

/**
 * Takes the base URL a resume was given (`--base-url`, or the variable `--base-url-env` names) and
 * keeps its user:password for this process's requests, as a new run does; nothing is written. It
 * must be the run's endpoint. A run whose base URL carried credentials cannot resume without them:
 * one line says what to pass, and the secret never appears in it.
 */
export function resumeCredentials(
  spec: RunSpec,
  request: Pick<EvalRequest, 'baseUrl' | 'baseUrlEnv'>,
  env: NodeJS.ProcessEnv = process.env,
): void {
  let given = request.baseUrl;
  if (request.baseUrlEnv !== undefined) {
    given = env[request.baseUrlEnv];
    if (!given)
      throw new UserError(
        `--base-url-env ${request.baseUrlEnv}: the environment variable is not set`,
        EXIT.usage,
      );
  }
  const missing = () =>
    new UserError(
      `run ${spec.id} was made with user:password in its base URL, which is never stored: resume with ` +
        `--base-url ${withPlaceholders(spec.endpoint!)} (or --base-url-env NAME, a variable holding it)`,
      EXIT.usage,
    );
  if (given === undefined) {
    if (spec.endpointCredentials) throw missing();
    return;
  }
  const bare = stripCredentials(given);
  if (spec.endpoint === null || trimmed(bare) !== trimmed(spec.endpoint))
    throw new UserError(
      `--base-url ${bare} is not the endpoint of run ${spec.id} (${spec.endpoint ?? spec.provider.name})`,
      EXIT.usage,
    );
  if (spec.endpointCredentials && bare === given) throw missing();
}
