import { redactKnown, registerEnvSecrets } from '../adapters/providers/redact.ts';

/** The variable names given with --api-key-env (also as --api-key-env=NAME) in argv. */
function keyEnvNames(argv: string[]): string[] {
  const names: string[] = [];
  argv.forEach((a, i) => {
    if (a === '--api-key-env' && argv[i + 1]) names.push(argv[i + 1]!);
    else if (a.startsWith('--api-key-env=')) names.push(a.slice('--api-key-env='.length));
  });
  return names;
}

/**
 * Every line the CLI prints (results, JSON, progress, errors, logs) passes through the redactor: the
 * values of the environment's key variables, the --api-key-env variable and every secret a provider
 * reads later never reach the terminal or a redirected file.
 */
export function redactOutput(argv: string[], env: NodeJS.ProcessEnv = process.env): void {
  registerEnvSecrets(env, keyEnvNames(argv));
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    // Text only: binary output (a PNG on standard output) passes as it is.
    stream.write = ((chunk: unknown, ...rest: unknown[]) =>
      write(typeof chunk === 'string' ? redactKnown(chunk) : chunk, ...rest)) as typeof stream.write;
  }
}
