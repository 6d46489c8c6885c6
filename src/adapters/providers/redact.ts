/** Replaces every occurrence of each secret in a text with "[redacted]". Secrets shorter than 4 are ignored. */
export function redact(text: string, secrets: (string | null | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  }
  return out;
}

/** The API key named by an environment variable; null when unset. Only the variable's name is ever recorded. */
export function apiKeyFrom(
  envName: string | null | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (!envName) return null;
  const v = env[envName];
  return v ? v : null;
}
